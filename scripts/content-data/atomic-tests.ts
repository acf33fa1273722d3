// Telemetry of the three Atomic tests seed 000 describes, run one after the other on one workstation.
import { BINARIES, DEVTUNNEL_DLL } from './binaries.ts';
import { at, type Dataset, PS, VSCODE_COMMIT } from './dataset.ts';
import { taskXml } from './task-xml.ts';
import { World } from './world.ts';
import {
  dnsQuery,
  fileCreate,
  imageLoad,
  networkConnect,
  processCreate,
  scheduledTaskCreated,
} from './xml-events.ts';

/** Atomic tests 1–3 of seed 000 all run on one workstation, as an operator would run them. */
export function atomicTests(): Dataset[] {
  const w = new World(0x5eed0001);
  const host = w.host('WS-0417.contoso.local', '10.20.31.47');
  const maria = w.account('CONTOSO\\m.alvarez', 1104);
  const explorer = w.process(host, at('2025-03-14T08:02:11Z'), {
    image: 'C:\\Windows\\explorer.exe',
    commandLine: 'C:\\Windows\\Explorer.EXE',
    account: maria,
    fileInfo: BINARIES.explorer,
  });
  const shell = w.process(host, at('2025-03-14T09:10:02Z'), {
    image: PS,
    commandLine: `"${PS}" -NoProfile -ExecutionPolicy Bypass`,
    currentDirectory: 'C:\\Users\\m.alvarez\\',
    account: maria,
    parent: explorer,
    fileInfo: BINARIES.powershell,
  });
  return [
    atomicTest1(w, host, maria, shell),
    ...atomicTest2(w, host, maria, shell),
    ...atomicTest3(w, host, maria, shell),
  ];
}

function atomicTest1(
  w: World,
  host: ReturnType<World['host']>,
  maria: ReturnType<World['account']>,
  shell: ReturnType<World['process']>,
): Dataset {
  const t = at('2025-03-14T09:12:03Z');
  const cliDir = 'C:\\Users\\m.alvarez\\AppData\\Local\\Temp\\vscode_cli';
  const events: string[] = [processCreate(host, t - 121_000, shell)];
  events.push(
    dnsQuery(
      host,
      t - 60_000,
      shell,
      'update.code.visualstudio.com',
      'type:  5 vscode-update.azurewebsites.net;type:  5 waws-prod-bay-125.sip.azurewebsites.windows.net;::ffff:13.107.246.60;',
    ),
  );
  events.push(
    networkConnect(host, t - 59_000, shell, {
      sourcePort: w.sourcePort(),
      destinationIp: '13.107.246.60',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  );
  events.push(fileCreate(host, t - 52_000, shell, `${cliDir}.zip`));
  events.push(fileCreate(host, t - 41_000, shell, `${cliDir}\\code.exe`));
  const code = w.process(host, t, {
    image: `${cliDir}\\code.exe`,
    commandLine: `"${cliDir}\\code.exe" tunnel --accept-server-license-terms --name test-tunnel`,
    currentDirectory: `${cliDir}\\`,
    account: maria,
    parent: shell,
    fileInfo: BINARIES.vscodeCli,
  });
  events.push(processCreate(host, t, code));
  events.push(
    dnsQuery(
      host,
      t + 1_400,
      code,
      'tunnels.api.visualstudio.com',
      'type:  5 tunnels-prod-rel-tm.trafficmanager.net;type:  5 tunnels-prod-rel-use-v3-cluster.eastus.cloudapp.azure.com;::ffff:20.84.52.170;',
    ),
  );
  events.push(dnsQuery(host, t + 1_900, code, 'github.com', '::ffff:140.82.112.3;'));
  events.push(
    networkConnect(host, t + 2_300, code, {
      sourcePort: w.sourcePort(),
      destinationIp: '140.82.112.3',
      destinationHostname: 'lb-140-82-112-3-iad.github.com',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  );
  events.push(
    dnsQuery(
      host,
      t + 38_100,
      code,
      'global.rel.tunnels.api.visualstudio.com',
      'type:  5 tunnels-prod-rel-tm.trafficmanager.net;type:  5 tunnels-prod-rel-use-v3-cluster.eastus.cloudapp.azure.com;::ffff:20.84.52.170;',
    ),
  );
  events.push(
    networkConnect(host, t + 38_600, code, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.84.52.170',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  );
  events.push(
    dnsQuery(
      host,
      t + 39_200,
      code,
      'use-data.rel.tunnels.api.visualstudio.com',
      'type:  5 use-data-tunnels-prod.eastus.cloudapp.azure.com;::ffff:20.62.58.131;',
    ),
  );
  events.push(
    networkConnect(host, t + 39_700, code, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.62.58.131',
      destinationHostname: 'use-data.rel.tunnels.api.visualstudio.com',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  );
  events.push(
    fileCreate(host, t + 40_100, code, 'C:\\Users\\m.alvarez\\.vscode\\cli\\code_tunnel.json'),
  );
  // A client connects through vscode.dev: the CLI starts the server, which opens a shell.
  const serverDir = `C:\\Users\\m.alvarez\\.vscode\\cli\\servers\\Stable-${VSCODE_COMMIT}\\server`;
  const launcher = w.process(host, t + 212_000, {
    image: 'C:\\Windows\\System32\\cmd.exe',
    commandLine: `C:\\Windows\\system32\\cmd.exe /d /c ""${serverDir}\\bin\\code-server.cmd" --host=127.0.0.1 --port=0 --connection-token=7c1f0a2e-53d9-4b77-9e0e-55c2d1a8f3b4 --accept-server-license-terms --enable-remote-auto-shutdown --telemetry-level off"`,
    currentDirectory: `${cliDir}\\`,
    account: maria,
    parent: code,
    fileInfo: BINARIES.cmd,
  });
  events.push(processCreate(host, t + 212_000, launcher));
  const server = w.process(host, t + 212_400, {
    image: `${serverDir}\\node.exe`,
    commandLine: `"${serverDir}\\node.exe"  "${serverDir}\\out\\server-main.js" --host=127.0.0.1 --port=0 --connection-token=7c1f0a2e-53d9-4b77-9e0e-55c2d1a8f3b4 --accept-server-license-terms --enable-remote-auto-shutdown --telemetry-level off`,
    currentDirectory: `${cliDir}\\`,
    account: maria,
    parent: launcher,
    fileInfo: BINARIES.node,
  });
  events.push(processCreate(host, t + 212_400, server));
  const remoteShell = w.process(host, t + 251_000, {
    image: PS,
    commandLine: `${PS} -noexit -command "try { . \\"${serverDir}\\out\\vs\\workbench\\contrib\\terminal\\common\\scripts\\shellIntegration.ps1\\" } catch {}"`,
    currentDirectory: 'C:\\Users\\m.alvarez',
    account: maria,
    parent: server,
    fileInfo: BINARIES.powershell,
  });
  events.push(processCreate(host, t + 251_000, remoteShell));
  events.push(
    processCreate(
      host,
      t + 263_000,
      w.process(host, t + 263_000, {
        image: 'C:\\Windows\\System32\\whoami.exe',
        commandLine: '"C:\\Windows\\system32\\whoami.exe" /all',
        currentDirectory: 'C:\\Users\\m.alvarez\\',
        account: maria,
        parent: remoteShell,
        fileInfo: {
          fileVersion: '10.0.19041.1 (WinBuild.160101.0800)',
          description: 'whoami - displays logged on user information',
          product: 'Microsoft® Windows® Operating System',
          company: 'Microsoft Corporation',
          originalFileName: 'whoami.exe',
        },
      }),
    ),
  );
  return { path: 'attack/T1219.001/atomic_test_1_vscode_cli_tunnel/windows-sysmon.log', events };
}

function atomicTest2(
  w: World,
  host: ReturnType<World['host']>,
  maria: ReturnType<World['account']>,
  shell: ReturnType<World['process']>,
): Dataset[] {
  const t = at('2025-03-14T10:03:27Z');
  const exe = 'C:\\Users\\m.alvarez\\Downloads\\devtunnel.exe';
  const extracted =
    'C:\\Users\\m.alvarez\\AppData\\Local\\Temp\\.net\\devtunnel\\Qm9YXvH1rP2kTzL8wE5nS3cA7dF0gJ4=';
  const events: string[] = [];
  events.push(
    dnsQuery(
      host,
      t - 95_000,
      shell,
      'aka.ms',
      'type:  5 aka.ms.edgekey.net;type:  5 e15316.dscx.akamaiedge.net;::ffff:23.57.248.203;',
    ),
  );
  events.push(
    dnsQuery(
      host,
      t - 94_000,
      shell,
      'tunnelsassetsprod.blob.core.windows.net',
      'type:  5 blob.bl3prdstr07a.store.core.windows.net;::ffff:20.60.153.65;',
    ),
  );
  events.push(
    networkConnect(host, t - 93_000, shell, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.60.153.65',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  );
  events.push(fileCreate(host, t - 90_000, shell, exe));
  const login = w.process(host, t - 70_000, {
    image: exe,
    commandLine: `"${exe}" user login -g -d`,
    currentDirectory: 'C:\\Users\\m.alvarez\\Downloads\\',
    account: maria,
    parent: shell,
    fileInfo: BINARIES.devtunnel,
  });
  events.push(processCreate(host, t - 70_000, login));
  events.push(
    dnsQuery(
      host,
      t - 69_000,
      login,
      'global.rel.tunnels.api.visualstudio.com',
      'type:  5 tunnels-prod-rel-tm.trafficmanager.net;type:  5 tunnels-prod-rel-use-v3-cluster.eastus.cloudapp.azure.com;::ffff:20.84.52.170;',
    ),
  );
  const server = w.process(host, t - 20_000, {
    image: 'C:\\Users\\m.alvarez\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
    commandLine:
      '"C:\\Users\\m.alvarez\\AppData\\Local\\Programs\\Python\\Python312\\python.exe" -m http.server 8080 --directory C:\\Users\\m.alvarez\\Documents',
    currentDirectory: 'C:\\Users\\m.alvarez\\',
    account: maria,
    parent: shell,
    fileInfo: {
      fileVersion: '3.12.8',
      description: 'Python',
      product: 'Python',
      company: 'Python Software Foundation',
      originalFileName: 'python.exe',
    },
  });
  events.push(processCreate(host, t - 20_000, server));
  const host8080 = w.process(host, t, {
    image: exe,
    commandLine: `"${exe}" host --port 8080 --allow-anonymous`,
    currentDirectory: 'C:\\Users\\m.alvarez\\Downloads\\',
    account: maria,
    parent: shell,
    fileInfo: BINARIES.devtunnel,
  });
  events.push(processCreate(host, t, host8080));
  events.push(
    imageLoad(host, t + 310, host8080, {
      imageLoaded: `${extracted}\\devtunnel.dll`,
      fileInfo: DEVTUNNEL_DLL,
      signed: false,
      signature: '-',
    }),
  );
  events.push(
    dnsQuery(
      host,
      t + 1_100,
      host8080,
      'global.rel.tunnels.api.visualstudio.com',
      'type:  5 tunnels-prod-rel-tm.trafficmanager.net;type:  5 tunnels-prod-rel-use-v3-cluster.eastus.cloudapp.azure.com;::ffff:20.84.52.170;',
    ),
  );
  events.push(
    networkConnect(host, t + 1_500, host8080, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.84.52.170',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  );
  events.push(
    dnsQuery(
      host,
      t + 2_200,
      host8080,
      'use-data.rel.tunnels.api.visualstudio.com',
      'type:  5 use-data-tunnels-prod.eastus.cloudapp.azure.com;::ffff:20.62.58.131;',
    ),
  );
  events.push(
    networkConnect(host, t + 2_600, host8080, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.62.58.131',
      destinationHostname: '-',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  );
  // The operator checks the public URL from the same host.
  events.push(
    dnsQuery(
      host,
      t + 31_000,
      shell,
      'x3k9q2mf-8080.use.devtunnels.ms',
      'type:  5 use-data-tunnels-prod.eastus.cloudapp.azure.com;::ffff:20.62.58.131;',
    ),
  );
  events.push(
    networkConnect(host, t + 31_400, shell, {
      sourcePort: w.sourcePort(),
      destinationIp: '20.62.58.131',
      destinationHostname: 'x3k9q2mf-8080.use.devtunnels.ms',
      destinationPort: 443,
      destinationPortName: 'https',
    }),
  );
  return [{ path: 'attack/T1219.001/atomic_test_2_devtunnel_host/windows-sysmon.log', events }];
}

function atomicTest3(
  w: World,
  host: ReturnType<World['host']>,
  maria: ReturnType<World['account']>,
  shell: ReturnType<World['process']>,
): Dataset[] {
  const t = at('2025-03-14T10:41:55Z');
  const command = 'C:\\Users\\Public\\vscode\\code.exe';
  const args = 'tunnel --accept-server-license-terms --name persist-tunnel';
  const schtasks = w.process(host, t, {
    image: 'C:\\Windows\\System32\\schtasks.exe',
    commandLine: `"C:\\Windows\\system32\\schtasks.exe" /create /tn "VSCodeTunnelSvc" /tr "${command} ${args}" /sc onlogon /f`,
    currentDirectory: 'C:\\Users\\m.alvarez\\',
    account: maria,
    parent: shell,
    fileInfo: BINARIES.schtasks,
  });
  const svchost = w.process(host, at('2025-03-14T08:01:02Z'), {
    image: 'C:\\Windows\\System32\\svchost.exe',
    commandLine: 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
    account: w.account('NT AUTHORITY\\SYSTEM', 18),
    integrity: 'System',
    fileInfo: {
      fileVersion: '10.0.19041.1 (WinBuild.160101.0800)',
      description: 'Host Process for Windows Services',
      product: 'Microsoft® Windows® Operating System',
      company: 'Microsoft Corporation',
      originalFileName: 'svchost.exe',
    },
    terminalSession: 0,
    pid: 1532,
  });
  const sysmon = [
    processCreate(host, t, schtasks),
    fileCreate(host, t + 180, svchost, 'C:\\Windows\\System32\\Tasks\\VSCodeTunnelSvc'),
  ];
  const security = [
    scheduledTaskCreated(host, t + 175, {
      account: maria,
      taskName: '\\VSCodeTunnelSvc',
      taskContent: taskXml({
        date: '2025-03-14T10:41:55',
        author: maria.name,
        uri: '\\VSCodeTunnelSvc',
        trigger: 'logon',
        userId: maria.sid,
        command,
        arguments: args,
      }),
      clientProcessId: schtasks.pid,
      parentProcessId: shell.pid,
    }),
  ];
  return [
    {
      path: 'attack/T1219.001/atomic_test_3_vscode_tunnel_schtask/windows-sysmon.log',
      events: sysmon,
    },
    {
      path: 'attack/T1219.001/atomic_test_3_vscode_tunnel_schtask/windows-security.log',
      events: security,
    },
  ];
}
