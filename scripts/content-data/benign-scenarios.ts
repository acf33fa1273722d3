// Benign baselines: a developer's everyday VS Code use and local JetBrains IDE use.
import { BINARIES } from './binaries.ts';
import { at, type Dataset, PS, sortByTime } from './dataset.ts';
import { World } from './world.ts';
import { dnsQuery, networkConnect, type Proc, processCreate } from './xml-events.ts';

const GIT = 'C:\\Program Files\\Git\\cmd\\git.exe';

/** A developer's morning: open folders, extensions, git, language servers, a terminal, Remote-SSH. */
export function vscodeDailyUse(): Dataset {
  const w = new World(0x5eed0101);
  const host = w.host('DEV-WS-021.contoso.local', '10.20.40.21');
  const jin = w.account('CONTOSO\\j.chen', 1221);
  const vsc = 'C:\\Users\\j.chen\\AppData\\Local\\Programs\\Microsoft VS Code';
  const t = at('2025-03-12T08:31:07Z');
  const events: string[] = [];
  const spawn = (
    ms: number,
    image: string,
    commandLine: string,
    parent: Proc | undefined,
    fileInfo: Proc['fileInfo'],
    cwd = 'C:\\src\\payments-api\\',
  ) => {
    const p = w.process(host, ms, {
      image,
      commandLine,
      account: jin,
      parent,
      fileInfo,
      currentDirectory: cwd,
    });
    events.push(processCreate(host, ms, p));
    return p;
  };
  const explorer = w.process(host, t - 3_600_000, {
    image: 'C:\\Windows\\explorer.exe',
    commandLine: 'C:\\Windows\\Explorer.EXE',
    account: jin,
    fileInfo: BINARIES.explorer,
    parent: undefined,
  });
  const code = spawn(
    t,
    `${vsc}\\Code.exe`,
    `"${vsc}\\Code.exe" `,
    explorer,
    BINARIES.vscode,
    `${vsc}\\`,
  );
  spawn(
    t + 400,
    `${vsc}\\Code.exe`,
    `"${vsc}\\Code.exe" --type=gpu-process --user-data-dir="C:\\Users\\j.chen\\AppData\\Roaming\\Code" --gpu-preferences=UAAAAAAAAADgAAAEAAAAAAAAAAAAAAAAAABgAAEAAAAAAAAAAAAAAAAAAAACAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAQAAAAAAAAAAgAAAAAAAAAIAAAAAAAAAA== --field-trial-handle=1892,i,8834925532715524018,1427384051178315043,262144 --disable-features=CalculateNativeWinOcclusion,SpareRendererForSitePerProcess --variations-seed-version --mojo-platform-channel-handle=1884 /prefetch:2`,
    code,
    BINARIES.vscode,
    `${vsc}\\`,
  );
  spawn(
    t + 700,
    `${vsc}\\Code.exe`,
    `"${vsc}\\Code.exe" --type=renderer --user-data-dir="C:\\Users\\j.chen\\AppData\\Roaming\\Code" --standard-schemes=vscode-webview,vscode-file --enable-sandbox --secure-schemes=vscode-webview,vscode-file --app-user-model-id=Microsoft.VisualStudioCode --app-path="${vsc}\\resources\\app" --enable-sandbox --first-renderer-process --lang=en-US --device-scale-factor=1 --num-raster-threads=4 --enable-main-frame-before-activation --renderer-client-id=4 --mojo-platform-channel-handle=2612 /prefetch:1`,
    code,
    BINARIES.vscode,
    `${vsc}\\`,
  );
  const exthost = spawn(
    t + 2_100,
    `${vsc}\\Code.exe`,
    `"${vsc}\\Code.exe" --type=utility --utility-sub-type=node.mojom.NodeService --lang=en-US --service-sandbox-type=none --dns-result-order=ipv4first --inspect-port=0 --user-data-dir="C:\\Users\\j.chen\\AppData\\Roaming\\Code" --standard-schemes=vscode-webview,vscode-file --mojo-platform-channel-handle=3340 /prefetch:8`,
    code,
    BINARIES.vscode,
    `${vsc}\\`,
  );
  spawn(
    t + 3_000,
    `${vsc}\\Code.exe`,
    `"${vsc}\\Code.exe" --max-old-space-size=3072 "${vsc}\\resources\\app\\extensions\\node_modules\\typescript\\lib\\tsserver.js" --serverMode partialSemantic --useInferredProjectPerProjectRoot --disableAutomaticTypingAcquisition --cancellationPipeName C:\\Users\\j.chen\\AppData\\Local\\Temp\\vscode-typescript\\5b4e8c2a71d3f0e9a6b1\\tscancellation-1c7e2f.tmp* --locale en --noGetErrOnBackgroundUpdate --validateDefaultNpmLocation --useNodeIpc`,
    exthost,
    BINARIES.vscode,
  );
  spawn(
    t + 3_400,
    `${vsc}\\Code.exe`,
    `"${vsc}\\Code.exe" c:\\Users\\j.chen\\.vscode\\extensions\\ms-python.vscode-pylance-2024.12.1\\dist\\server.bundle.js --cancellationReceive=file:4c2d7e91a8b3f05c6e1d --node-ipc --clientProcessId=${exthost.pid}`,
    exthost,
    BINARIES.vscode,
  );
  spawn(
    t + 3_900,
    'c:\\Users\\j.chen\\.vscode\\extensions\\rust-lang.rust-analyzer-0.3.2257-win32-x64\\server\\rust-analyzer.exe',
    'c:\\Users\\j.chen\\.vscode\\extensions\\rust-lang.rust-analyzer-0.3.2257-win32-x64\\server\\rust-analyzer.exe',
    exthost,
    { fileVersion: '-', description: '-', product: '-', company: '-', originalFileName: '-' },
  );
  spawn(t + 4_500, GIT, `"${GIT}" rev-parse --show-toplevel`, exthost, BINARIES.git);
  spawn(t + 4_800, GIT, `"${GIT}" status -z -uall`, exthost, BINARIES.git);
  spawn(
    t + 5_200,
    `${vsc}\\resources\\app\\node_modules\\@vscode\\ripgrep\\bin\\rg.exe`,
    `"${vsc}\\resources\\app\\node_modules\\@vscode\\ripgrep\\bin\\rg.exe" --files --hidden --case-sensitive --no-require-git -g "!**/.git" -g "!**/node_modules" --no-ignore-parent --follow --no-config --no-ignore-global`,
    exthost,
    BINARIES.ripgrep,
  );
  const terminal = spawn(
    t + 60_000,
    PS,
    `${PS} -noexit -command "try { . \\"${vsc}\\resources\\app\\out\\vs\\workbench\\contrib\\terminal\\common\\scripts\\shellIntegration.ps1\\" } catch {}"`,
    code,
    BINARIES.powershell,
  );
  const npm = spawn(
    t + 95_000,
    'C:\\Windows\\System32\\cmd.exe',
    'C:\\Windows\\system32\\cmd.exe /d /s /c ""C:\\Program Files\\nodejs\\npm.cmd" test"',
    terminal,
    BINARIES.cmd,
  );
  spawn(
    t + 95_400,
    'C:\\Program Files\\nodejs\\node.exe',
    '"C:\\Program Files\\nodejs\\node.exe" "C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js" test',
    npm,
    BINARIES.node,
  );
  // Opening a second folder from the terminal goes through bin\code.cmd and the CLI entry point.
  const codeCmd = spawn(
    t + 410_000,
    'C:\\Windows\\System32\\cmd.exe',
    `C:\\Windows\\system32\\cmd.exe /d /c ""${vsc}\\bin\\code.cmd" ..\\ledger-ui"`,
    terminal,
    BINARIES.cmd,
  );
  spawn(
    t + 410_300,
    `${vsc}\\Code.exe`,
    `"${vsc}\\Code.exe" "${vsc}\\resources\\app\\out\\cli.js" ..\\ledger-ui`,
    codeCmd,
    BINARIES.vscode,
  );
  spawn(t + 900_000, GIT, `"${GIT}" push origin feature/refund-retries`, exthost, BINARIES.git);
  spawn(
    t + 1_500_000,
    'C:\\Windows\\System32\\OpenSSH\\ssh.exe',
    '"C:\\Windows\\System32\\OpenSSH\\ssh.exe" -T -D 53211 -o ConnectTimeout=15 devbox-linux01.contoso.local bash',
    exthost,
    {
      fileVersion: '9.5.4.1',
      description: 'OpenSSH SSH client',
      product: 'OpenSSH for Windows',
      company: 'Microsoft Corporation',
      originalFileName: 'ssh.exe',
    },
  );
  const lookups: readonly (readonly [Proc, string, string, string])[] = [
    [
      code,
      'marketplace.visualstudio.com',
      'type:  5 marketplace.vsallin.net;::ffff:13.107.42.18;',
      '13.107.42.18',
    ],
    [
      code,
      'update.code.visualstudio.com',
      'type:  5 vscode-update.azurewebsites.net;::ffff:13.107.246.60;',
      '13.107.246.60',
    ],
    [
      code,
      'default.exp-tas.com',
      'type:  5 exp-tas.trafficmanager.net;::ffff:20.42.65.84;',
      '20.42.65.84',
    ],
    [exthost, 'api.github.com', '::ffff:140.82.112.6;', '140.82.112.6'],
    [
      exthost,
      'vscode-sync.trafficmanager.net',
      'type:  5 vscode-sync-westus2.azurewebsites.net;::ffff:20.42.73.27;',
      '20.42.73.27',
    ],
    [
      code,
      'mobile.events.data.microsoft.com',
      'type:  5 mobile.events.data.trafficmanager.net;::ffff:52.168.117.170;',
      '52.168.117.170',
    ],
    [
      code,
      'code.visualstudio.com',
      'type:  5 code-visualstudio.azureedge.net;::ffff:13.107.246.73;',
      '13.107.246.73',
    ],
  ];
  lookups.forEach(([proc, query, results, ip], i) => {
    events.push(dnsQuery(host, t + 6_000 + i * 1_700, proc, query, results));
    events.push(
      networkConnect(host, t + 6_300 + i * 1_700, proc, {
        sourcePort: w.sourcePort(),
        destinationIp: ip,
        destinationHostname: '-',
        destinationPort: 443,
        destinationPortName: 'https',
      }),
    );
  });
  return { path: 'benign/vscode_daily_use/windows-sysmon.log', events: sortByTime(events) };
}

/** Local JetBrains IDE use: IntelliJ and PyCharm, the file watcher, a Gradle daemon, git, tests. */
export function jetbrainsLocalIde(): Dataset {
  const w = new World(0x5eed0102);
  const host = w.host('DEV-WS-034.contoso.local', '10.20.40.34');
  const petra = w.account('CONTOSO\\p.novak', 1240);
  const idea = 'C:\\Program Files\\JetBrains\\IntelliJ IDEA 2024.3.1';
  const pycharm = 'C:\\Program Files\\JetBrains\\PyCharm 2024.3.1';
  const t = at('2025-03-13T07:55:40Z');
  const events: string[] = [];
  const spawn = (
    ms: number,
    image: string,
    commandLine: string,
    parent: Proc | undefined,
    fileInfo: Proc['fileInfo'],
    cwd = 'C:\\Users\\p.novak\\IdeaProjects\\inventory-service\\',
  ) => {
    const p = w.process(host, ms, {
      image,
      commandLine,
      account: petra,
      parent,
      fileInfo,
      currentDirectory: cwd,
    });
    events.push(processCreate(host, ms, p));
    return p;
  };
  const explorer = w.process(host, t - 5_000_000, {
    image: 'C:\\Windows\\explorer.exe',
    commandLine: 'C:\\Windows\\Explorer.EXE',
    account: petra,
    fileInfo: BINARIES.explorer,
    parent: undefined,
  });
  const ij = spawn(
    t,
    `${idea}\\bin\\idea64.exe`,
    `"${idea}\\bin\\idea64.exe" `,
    explorer,
    BINARIES.intellij,
    `${idea}\\bin\\`,
  );
  spawn(
    t + 9_000,
    `${idea}\\bin\\fsnotifier.exe`,
    `"${idea}\\bin\\fsnotifier.exe"`,
    ij,
    BINARIES.fsnotifier,
  );
  spawn(
    t + 14_000,
    GIT,
    `"${GIT}" -c credential.helper= -c core.quotepath=false -c log.showSignature=false status --porcelain -z --untracked-files=all`,
    ij,
    BINARIES.git,
  );
  spawn(
    t + 26_000,
    'C:\\Users\\p.novak\\.jdks\\temurin-17.0.13\\bin\\java.exe',
    '"C:\\Users\\p.novak\\.jdks\\temurin-17.0.13\\bin\\java.exe" --add-opens=java.base/java.util=ALL-UNNAMED -Xmx2048m -Dfile.encoding=UTF-8 -Duser.country=US -Duser.language=en -cp C:\\Users\\p.novak\\.gradle\\wrapper\\dists\\gradle-8.11.1-bin\\bpt9gzteqjrbo1mjrsomdt32c\\gradle-8.11.1\\lib\\gradle-daemon-main-8.11.1.jar org.gradle.launcher.daemon.bootstrap.GradleDaemon 8.11.1',
    ij,
    BINARIES.gradleJava,
  );
  const term = spawn(
    t + 300_000,
    PS,
    `${PS} -NoExit -ExecutionPolicy Bypass -File "${idea}\\plugins\\terminal\\shell-integrations\\powershell\\powershell-integration.ps1"`,
    ij,
    BINARIES.powershell,
  );
  spawn(t + 340_000, GIT, `"${GIT}" pull --rebase`, term, BINARIES.git);
  const pc = spawn(
    t + 1_800_000,
    `${pycharm}\\bin\\pycharm64.exe`,
    `"${pycharm}\\bin\\pycharm64.exe" `,
    explorer,
    BINARIES.pycharm,
    `${pycharm}\\bin\\`,
  );
  spawn(
    t + 1_830_000,
    'C:\\Users\\p.novak\\PycharmProjects\\forecasting\\.venv\\Scripts\\python.exe',
    `"C:\\Users\\p.novak\\PycharmProjects\\forecasting\\.venv\\Scripts\\python.exe" "${pycharm}\\plugins\\python-ce\\helpers\\pycharm\\_jb_pytest_runner.py" --path C:\\Users\\p.novak\\PycharmProjects\\forecasting\\tests`,
    pc,
    {
      fileVersion: '3.12.8',
      description: 'Python',
      product: 'Python',
      company: 'Python Software Foundation',
      originalFileName: 'python.exe',
    },
    'C:\\Users\\p.novak\\PycharmProjects\\forecasting\\',
  );
  const lookups: readonly (readonly [Proc, string, string, string])[] = [
    [
      ij,
      'plugins.jetbrains.com',
      'type:  5 plugins.jetbrains.com.cdn.cloudflare.net;::ffff:104.18.24.50;',
      '104.18.24.50',
    ],
    [ij, 'account.jetbrains.com', '::ffff:52.50.43.27;', '52.50.43.27'],
    [
      ij,
      'resources.jetbrains.com',
      'type:  5 d1hadmfbmzz6ld.cloudfront.net;::ffff:18.244.18.11;',
      '18.244.18.11',
    ],
    [
      pc,
      'www.jetbrains.com',
      'type:  5 d3d9lcc7n5zfmv.cloudfront.net;::ffff:18.244.18.92;',
      '18.244.18.92',
    ],
  ];
  lookups.forEach(([proc, query, results, ip], i) => {
    events.push(dnsQuery(host, t + 20_000 + i * 2_500, proc, query, results));
    events.push(
      networkConnect(host, t + 20_300 + i * 2_500, proc, {
        sourcePort: w.sourcePort(),
        destinationIp: ip,
        destinationHostname: '-',
        destinationPort: 443,
        destinationPortName: 'https',
      }),
    );
  });
  return { path: 'benign/jetbrains_local_ide/windows-sysmon.log', events: sortByTime(events) };
}
