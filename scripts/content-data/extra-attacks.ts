// Attack telemetry beyond the Atomic tests: tunnel service install, JetBrains backend, Cursor and a renamed CLI.
import { BINARIES } from './binaries.ts';
import { at, type Dataset, PS } from './dataset.ts';
import { World } from './world.ts';
import { dnsQuery, networkConnect, processCreate, registrySetValue } from './xml-events.ts';

/** `code tunnel service install`: the CLI registers a Run key value and starts `internal-run`. */
export function serviceInstall(): Dataset {
  const w = new World(0x5eed0004);
  const host = w.host('WS-0388.contoso.local', '10.20.31.88');
  const dana = w.account('CONTOSO\\d.kowalski', 1133);
  const exe = 'C:\\Users\\d.kowalski\\AppData\\Roaming\\Microsoft\\Teams\\code.exe';
  const t = at('2025-03-17T14:22:40Z');
  const shell = w.process(host, t - 300_000, {
    image: PS,
    commandLine: `"${PS}" -nop -w hidden`,
    currentDirectory: 'C:\\Users\\d.kowalski\\',
    account: dana,
    parent: undefined,
    fileInfo: BINARIES.powershell,
  });
  const login = w.process(host, t - 80_000, {
    image: exe,
    commandLine: `"${exe}" tunnel user login --provider github`,
    currentDirectory: 'C:\\Users\\d.kowalski\\',
    account: dana,
    parent: shell,
    fileInfo: BINARIES.vscodeCli,
  });
  const install = w.process(host, t, {
    image: exe,
    commandLine: `"${exe}" tunnel service install --accept-server-license-terms --name ws0388`,
    currentDirectory: 'C:\\Users\\d.kowalski\\',
    account: dana,
    parent: shell,
    fileInfo: BINARIES.vscodeCli,
  });
  const runArgs = `tunnel service internal-run --log-to-file C:\\Users\\d.kowalski\\.vscode\\cli\\tunnel-service.log`;
  const service = w.process(host, t + 900, {
    image: exe,
    commandLine: `${exe} ${runArgs}`,
    currentDirectory: 'C:\\Users\\d.kowalski\\',
    account: dana,
    parent: install,
    fileInfo: BINARIES.vscodeCli,
  });
  const events = [
    processCreate(host, t - 80_000, login),
    dnsQuery(host, t - 79_000, login, 'github.com', '::ffff:140.82.114.4;'),
    networkConnect(host, t - 78_500, login, {
      sourcePort: w.sourcePort(),
      destinationIp: '140.82.114.4',
      destinationHostname: 'lb-140-82-114-4-iad.github.com',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
    processCreate(host, t, install),
    registrySetValue(
      host,
      t + 600,
      install,
      `HKU\\${dana.sid}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Visual Studio Code Tunnel`,
      `${exe} ${runArgs}`,
    ),
    processCreate(host, t + 900, service),
    dnsQuery(
      host,
      t + 2_000,
      service,
      'global.rel.tunnels.api.visualstudio.com',
      'type:  5 tunnels-prod-rel-tm.trafficmanager.net;type:  5 tunnels-prod-rel-euw-v3-cluster.westeurope.cloudapp.azure.com;::ffff:20.103.221.187;',
    ),
    networkConnect(host, t + 2_400, service, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.103.221.187',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  ];
  return { path: 'attack/T1219.001/vscode_tunnel_service_install/windows-sysmon.log', events };
}

/**
 * An operator with a web shell on a server starts a JetBrains remote-development backend, so they
 * can later attach with JetBrains Gateway (`remote-dev-server.bat run <project> --ssh-link-*`).
 */
export function remoteDevServer(): Dataset {
  const w = new World(0x5eed0005);
  const host = w.host('APP-SRV-02.contoso.local', '10.20.8.12');
  const svc = w.account('CONTOSO\\svc-webdeploy', 1312);
  const t = at('2025-03-18T02:14:09Z');
  const ide = 'C:\\ProgramData\\jb\\ideaIU-2024.3.1';
  const w3wp = w.process(host, at('2025-03-17T22:00:41Z'), {
    image: 'C:\\Windows\\System32\\inetsrv\\w3wp.exe',
    commandLine:
      'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "PortalAppPool" -v "v4.0" -l "webengine4.dll" -a \\\\.\\pipe\\iisipm3f1c0f7e-0f0b-4b5a-9d8e-8a1b2c3d4e5f -h "C:\\inetpub\\temp\\apppools\\PortalAppPool\\PortalAppPool.config" -w "" -m 0 -t 20 -ta 0',
    currentDirectory: 'C:\\Windows\\SysWOW64\\inetsrv\\',
    account: svc,
    integrity: 'High',
    fileInfo: {
      fileVersion: '10.0.17763.1 (WinBuild.160101.0800)',
      description: 'IIS Worker Process',
      product: 'Internet Information Services',
      company: 'Microsoft Corporation',
      originalFileName: 'w3wp.exe',
    },
    terminalSession: 0,
  });
  const shell = w.process(host, t - 600_000, {
    image: PS,
    commandLine: `powershell.exe -nop -c "iwr https://download-cdn.jetbrains.com/idea/ideaIU-2024.3.1.win.zip -OutFile $env:ProgramData\\jb\\idea.zip; Expand-Archive $env:ProgramData\\jb\\idea.zip $env:ProgramData\\jb\\ideaIU-2024.3.1"`,
    currentDirectory: 'C:\\Windows\\SysWOW64\\inetsrv\\',
    account: svc,
    parent: w3wp,
    integrity: 'High',
    fileInfo: BINARIES.powershell,
    terminalSession: 0,
  });
  const cmd = w.process(host, t, {
    image: 'C:\\Windows\\System32\\cmd.exe',
    commandLine: `cmd.exe /c ""${ide}\\bin\\remote-dev-server.bat" run C:\\inetpub\\wwwroot\\portal --ssh-link-host app-srv-02.contoso.local --ssh-link-user svc-webdeploy --ssh-link-port 22"`,
    currentDirectory: 'C:\\Windows\\SysWOW64\\inetsrv\\',
    account: svc,
    parent: w3wp,
    integrity: 'High',
    fileInfo: BINARIES.cmd,
    terminalSession: 0,
  });
  const backend = w.process(host, t + 2_300, {
    image: `${ide}\\jbr\\bin\\java.exe`,
    commandLine: `"${ide}\\jbr\\bin\\java.exe" -classpath "${ide}\\lib\\platform-loader.jar;${ide}\\lib\\util-8.jar;${ide}\\lib\\app-client.jar" -XX:ReservedCodeCacheSize=512m -Xms128m -Xmx2048m -Didea.vendor.name=JetBrains -Didea.paths.selector=IntelliJIdea2024.3 -Djna.boot.library.path=${ide}\\lib\\jna\\amd64 -Didea.platform.prefix=Idea com.intellij.idea.Main cwmHostNoLobby C:\\inetpub\\wwwroot\\portal`,
    currentDirectory: `${ide}\\bin\\`,
    account: svc,
    parent: cmd,
    integrity: 'High',
    fileInfo: BINARIES.jbrJava,
    terminalSession: 0,
  });
  const events = [
    processCreate(host, t - 600_000, shell),
    dnsQuery(
      host,
      t - 599_000,
      shell,
      'download-cdn.jetbrains.com',
      'type:  5 d2aiqq8ce7wpjv.cloudfront.net;::ffff:18.244.18.38;::ffff:18.244.18.83;',
    ),
    networkConnect(host, t - 598_500, shell, {
      sourcePort: w.sourcePort(),
      destinationIp: '18.244.18.38',
      destinationHostname: 'server-18-244-18-38.fra60.r.cloudfront.net',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
    processCreate(host, t, cmd),
    processCreate(host, t + 2_300, backend),
    dnsQuery(
      host,
      t + 9_000,
      backend,
      'plugins.jetbrains.com',
      'type:  5 plugins.jetbrains.com.cdn.cloudflare.net;::ffff:104.18.24.50;',
    ),
  ];
  return { path: 'attack/T1219.001/jetbrains_remote_dev_server/windows-sysmon.log', events };
}

/**
 * A Cursor tunnel, the VS Code CLI renamed to blend in (no OriginalFileName to give it away), and
 * the CLI given a global option before its subcommand.
 */
export function cursorAndRenamedCli(): Dataset {
  const w = new World(0x5eed0006);
  const host = w.host('WS-0533.contoso.local', '10.20.31.95');
  const kwame = w.account('CONTOSO\\k.osei', 1187);
  const t = at('2025-03-19T16:05:12Z');
  const cursorDir = 'C:\\Users\\k.osei\\AppData\\Local\\Programs\\cursor';
  const cmd = w.process(host, t - 1_200, {
    image: 'C:\\Windows\\System32\\cmd.exe',
    commandLine:
      'C:\\Windows\\system32\\cmd.exe /c cursor tunnel --accept-server-license-terms --name k-osei-ws',
    currentDirectory: 'C:\\Users\\k.osei\\',
    account: kwame,
    fileInfo: BINARIES.cmd,
    parent: undefined,
  });
  const cursorTunnel = w.process(host, t, {
    image: `${cursorDir}\\resources\\app\\bin\\cursor-tunnel.exe`,
    commandLine: `"${cursorDir}\\resources\\app\\bin\\cursor-tunnel.exe" tunnel --accept-server-license-terms --name k-osei-ws`,
    currentDirectory: 'C:\\Users\\k.osei\\',
    account: kwame,
    parent: cmd,
    fileInfo: BINARIES.vscodeCli,
  });
  const shell = w.process(host, t + 3_600_000, {
    image: PS,
    commandLine: `"${PS}" -w hidden -nop -c "Start-Process -WindowStyle Hidden C:\\ProgramData\\Microsoft\\DeviceSync\\devsync.exe -ArgumentList 'tunnel --accept-server-license-terms --name devsync-0533 --no-sleep'"`,
    currentDirectory: 'C:\\Users\\k.osei\\',
    account: kwame,
    fileInfo: BINARIES.powershell,
    parent: undefined,
  });
  const renamed = w.process(host, t + 3_601_500, {
    image: 'C:\\ProgramData\\Microsoft\\DeviceSync\\devsync.exe',
    commandLine:
      '"C:\\ProgramData\\Microsoft\\DeviceSync\\devsync.exe" tunnel --accept-server-license-terms --name devsync-0533 --no-sleep',
    currentDirectory: 'C:\\Users\\k.osei\\',
    account: kwame,
    parent: shell,
    fileInfo: BINARIES.vscodeCli,
  });
  // The standalone CLI with a global option before the subcommand, from a public folder.
  const optioned = w.process(host, t + 7_200_000, {
    image: 'C:\\Users\\Public\\vsc\\code.exe',
    commandLine:
      '"C:\\Users\\Public\\vsc\\code.exe" --cli-data-dir C:\\Users\\Public\\vsc\\data tunnel --accept-server-license-terms --name pub-0533',
    currentDirectory: 'C:\\Users\\Public\\vsc\\',
    account: kwame,
    parent: shell,
    fileInfo: BINARIES.vscodeCli,
  });
  const events = [
    processCreate(host, t - 1_200, cmd),
    processCreate(host, t, cursorTunnel),
    dnsQuery(
      host,
      t + 1_000,
      cursorTunnel,
      'global.rel.tunnels.api.visualstudio.com',
      'type:  5 tunnels-prod-rel-tm.trafficmanager.net;type:  5 tunnels-prod-rel-use-v3-cluster.eastus.cloudapp.azure.com;::ffff:20.84.52.170;',
    ),
    networkConnect(host, t + 1_300, cursorTunnel, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.84.52.170',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
    processCreate(host, t + 3_600_000, shell),
    processCreate(host, t + 3_601_500, renamed),
    dnsQuery(
      host,
      t + 3_602_400,
      renamed,
      'usw2-data.rel.tunnels.api.visualstudio.com',
      'type:  5 usw2-data-tunnels-prod.westus2.cloudapp.azure.com;::ffff:20.83.129.36;',
    ),
    processCreate(host, t + 7_200_000, optioned),
    networkConnect(host, t + 3_602_800, renamed, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.83.129.36',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  ];
  return { path: 'attack/T1219.001/cursor_and_renamed_cli_tunnel/windows-sysmon.log', events };
}
