// Benign baselines: a CI agent that drives the VS Code CLI, and an approved developer's tunnel.
import { BINARIES } from './binaries.ts';
import { at, type Dataset, sortByTime } from './dataset.ts';
import { taskXml } from './task-xml.ts';
import { World } from './world.ts';
import {
  dnsQuery,
  networkConnect,
  type Proc,
  processCreate,
  scheduledTaskCreated,
} from './xml-events.ts';

/**
 * An Azure Pipelines agent building a VS Code extension: `code --version`, `--list-extensions`,
 * `--install-extension` and an extension test host; its Security log has three unrelated tasks,
 * one of which mentions a (WireGuard) tunnel.
 */
export function ciAgent(): Dataset[] {
  const w = new World(0x5eed0103);
  const host = w.host('BUILD-AGENT-03.contoso.local', '10.20.50.3');
  const svc = w.account('CONTOSO\\svc-buildagent', 1405);
  const vsc = 'C:\\Program Files\\Microsoft VS Code';
  const t = at('2025-03-13T03:10:21Z');
  const sysmon: string[] = [];
  const spawn = (
    ms: number,
    image: string,
    commandLine: string,
    parent: Proc | undefined,
    fileInfo: Proc['fileInfo'],
  ) => {
    const p = w.process(host, ms, {
      image,
      commandLine,
      account: svc,
      parent,
      fileInfo,
      currentDirectory: 'D:\\a\\1\\s\\',
      integrity: 'High',
      terminalSession: 0,
    });
    sysmon.push(processCreate(host, ms, p));
    return p;
  };
  const listener = w.process(host, t - 86_400_000, {
    image: 'C:\\agent\\bin\\Agent.Listener.exe',
    commandLine: '"C:\\agent\\bin\\Agent.Listener.exe" run --startuptype service',
    account: svc,
    fileInfo: BINARIES.agent,
    parent: undefined,
    integrity: 'High',
    terminalSession: 0,
  });
  const worker = spawn(
    t,
    'C:\\agent\\bin\\Agent.Worker.exe',
    '"C:\\agent\\bin\\Agent.Worker.exe" spawnclient 3012 3080',
    listener,
    { ...BINARIES.agent, description: 'Agent.Worker', originalFileName: 'Agent.Worker.dll' },
  );
  const step = (ms: number, script: string, args: string) => {
    const cmd = spawn(
      ms,
      'C:\\Windows\\System32\\cmd.exe',
      `"C:\\Windows\\system32\\cmd.exe" /D /E:ON /V:OFF /S /C "CALL "D:\\a\\_temp\\${script}.cmd""`,
      worker,
      BINARIES.cmd,
    );
    const codeCmd = spawn(
      ms + 150,
      'C:\\Windows\\System32\\cmd.exe',
      `C:\\Windows\\system32\\cmd.exe /c ""${vsc}\\bin\\code.cmd" ${args}"`,
      cmd,
      BINARIES.cmd,
    );
    return spawn(
      ms + 420,
      `${vsc}\\Code.exe`,
      `"${vsc}\\bin\\..\\Code.exe" "${vsc}\\bin\\..\\resources\\app\\out\\cli.js" ${args}`,
      codeCmd,
      BINARIES.vscode,
    );
  };
  step(t + 4_000, '0b6f3c1e-5a7d-4e2f-9c18-6d2b8e4f1a90', '--version');
  step(t + 9_000, '7e1d2c4b-8f3a-4b6e-a2d9-1c5f7e3b9d20', '--list-extensions --show-versions');
  const install = step(
    t + 61_000,
    'c4a9e7f2-3b1d-4e8c-96a5-2f7d1b8e6c31',
    '--install-extension D:\\a\\1\\s\\dist\\contoso-lint-2.4.0.vsix --force',
  );
  sysmon.push(
    dnsQuery(
      host,
      t + 62_000,
      install,
      'marketplace.visualstudio.com',
      'type:  5 marketplace.vsallin.net;::ffff:13.107.42.18;',
    ),
  );
  sysmon.push(
    networkConnect(host, t + 62_300, install, {
      sourcePort: w.sourcePort(),
      destinationIp: '13.107.42.18',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  );
  const node = spawn(
    t + 120_000,
    'C:\\hostedtoolcache\\windows\\node\\20.18.1\\x64\\node.exe',
    '"C:\\hostedtoolcache\\windows\\node\\20.18.1\\x64\\node.exe" D:\\a\\1\\s\\out\\test\\runTest.js',
    worker,
    BINARIES.node,
  );
  spawn(
    t + 124_000,
    `${vsc}\\Code.exe`,
    `"${vsc}\\Code.exe" --no-sandbox --disable-gpu-sandbox --disable-updates --skip-welcome --skip-release-notes --disable-workspace-trust --extensionDevelopmentPath=D:\\a\\1\\s --extensionTestsPath=D:\\a\\1\\s\\out\\test\\suite\\index --disable-extensions --user-data-dir=D:\\a\\_temp\\vscode-test-user-data`,
    node,
    BINARIES.vscode,
  );

  const admin = w.account('CONTOSO\\svc-buildagent', 1405);
  const system = w.account('NT AUTHORITY\\SYSTEM', 18);
  const tasks = [
    {
      account: system,
      uri: '\\Microsoft\\VisualStudio\\Updates\\BackgroundDownload',
      command:
        '"C:\\Program Files (x86)\\Microsoft Visual Studio\\Installer\\resources\\app\\ServiceHub\\Services\\Microsoft.VisualStudio.Setup.Service\\BackgroundDownload.exe"',
      args: undefined,
      trigger: 'daily' as const,
    },
    {
      account: admin,
      uri: '\\CI\\ExtensionInventory',
      command: `${vsc}\\bin\\code.cmd`,
      args: '--list-extensions --show-versions',
      trigger: 'daily' as const,
    },
    {
      account: system,
      uri: '\\WireGuard\\ReconnectCorpTunnel',
      command: 'C:\\Program Files\\WireGuard\\wireguard.exe',
      args: '/installtunnelservice C:\\ProgramData\\WireGuard\\corp-ci.conf',
      trigger: 'logon' as const,
    },
  ];
  const security = tasks.map((task, i) =>
    scheduledTaskCreated(host, t - 7_200_000 + i * 600_000, {
      account: task.account,
      taskName: task.uri,
      taskContent: taskXml({
        date: '2025-03-13T01:10:21',
        author: task.account.name,
        uri: task.uri,
        trigger: task.trigger,
        userId: task.account.sid,
        command: task.command,
        ...(task.args === undefined ? {} : { arguments: task.args }),
      }),
      clientProcessId: w.int(2000, 9000),
      parentProcessId: w.int(600, 1900),
    }),
  );
  return [
    { path: 'benign/ci_agent_code_version/windows-sysmon.log', events: sortByTime(sysmon) },
    { path: 'benign/ci_agent_code_version/windows-security.log', events: security },
  ];
}

/**
 * An approved developer turns on Remote Tunnel Access from VS Code on their registered devbox.
 * The pack's allowlist (content/lookups/ide_tunnel_allowlist.csv) approves exactly this host and user.
 */
export function approvedDeveloperTunnel(): Dataset {
  const w = new World(0x5eed0104);
  const host = w.host('DEVBOX-APPROVED01.contoso.local', '10.20.60.11');
  const dev = w.account('CONTOSO\\approved.dev', 1502);
  const vsc = 'C:\\Users\\approved.dev\\AppData\\Local\\Programs\\Microsoft VS Code';
  const t = at('2025-03-15T13:40:02Z');
  const explorer = w.process(host, t - 9_000_000, {
    image: 'C:\\Windows\\explorer.exe',
    commandLine: 'C:\\Windows\\Explorer.EXE',
    account: dev,
    fileInfo: BINARIES.explorer,
    parent: undefined,
  });
  const code = w.process(host, t - 600_000, {
    image: `${vsc}\\Code.exe`,
    commandLine: `"${vsc}\\Code.exe" `,
    account: dev,
    fileInfo: BINARIES.vscode,
    parent: explorer,
    currentDirectory: `${vsc}\\`,
  });
  const tunnel = w.process(host, t, {
    image: `${vsc}\\bin\\code-tunnel.exe`,
    commandLine: `"${vsc}\\bin\\code-tunnel.exe" tunnel --accept-server-license-terms --log info --name devbox-approved01 --parent-process-id ${code.pid}`,
    account: dev,
    fileInfo: BINARIES.vscodeCli,
    parent: code,
    currentDirectory: `${vsc}\\`,
  });
  const events = [
    processCreate(host, t - 600_000, code),
    processCreate(host, t, tunnel),
    dnsQuery(
      host,
      t + 900,
      tunnel,
      'global.rel.tunnels.api.visualstudio.com',
      'type:  5 tunnels-prod-rel-tm.trafficmanager.net;type:  5 tunnels-prod-rel-euw-v3-cluster.westeurope.cloudapp.azure.com;::ffff:20.103.221.187;',
    ),
    networkConnect(host, t + 1_200, tunnel, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.103.221.187',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
    dnsQuery(
      host,
      t + 1_900,
      tunnel,
      'euw-data.rel.tunnels.api.visualstudio.com',
      'type:  5 euw-data-tunnels-prod.westeurope.cloudapp.azure.com;::ffff:20.105.216.40;',
    ),
    networkConnect(host, t + 2_300, tunnel, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.105.216.40',
      destinationHostname: 'euw-data.rel.tunnels.api.visualstudio.com',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  ];
  return { path: 'benign/approved_developer_tunnel/windows-sysmon.log', events };
}
