// Version resources of the binaries that appear in the generated telemetry, as Sysmon reports them.
import { type FileInfo, NO_FILE_INFO } from './xml-events.ts';

const WINDOWS = 'Microsoft® Windows® Operating System';

export const BINARIES = {
  explorer: {
    fileVersion: '10.0.19041.4355 (WinBuild.160101.0800)',
    description: 'Windows Explorer',
    product: WINDOWS,
    company: 'Microsoft Corporation',
    originalFileName: 'EXPLORER.EXE',
  },
  powershell: {
    fileVersion: '10.0.19041.3996 (WinBuild.160101.0800)',
    description: 'Windows PowerShell',
    product: WINDOWS,
    company: 'Microsoft Corporation',
    originalFileName: 'PowerShell.EXE',
  },
  cmd: {
    fileVersion: '10.0.19041.4355 (WinBuild.160101.0800)',
    description: 'Windows Command Processor',
    product: WINDOWS,
    company: 'Microsoft Corporation',
    originalFileName: 'Cmd.Exe',
  },
  schtasks: {
    fileVersion: '10.0.19041.3636 (WinBuild.160101.0800)',
    description: 'Task Scheduler Configuration Tool',
    product: WINDOWS,
    company: 'Microsoft Corporation',
    originalFileName: 'schtasks.exe',
  },
  conhost: {
    fileVersion: '10.0.19041.4355 (WinBuild.160101.0800)',
    description: 'Console Window Host',
    product: WINDOWS,
    company: 'Microsoft Corporation',
    originalFileName: 'CONHOST.EXE',
  },
  /** VS Code desktop is an Electron app and keeps Electron's OriginalFileName. */
  vscode: {
    fileVersion: '1.96.2',
    description: 'Visual Studio Code',
    product: 'Visual Studio Code',
    company: 'Microsoft Corporation',
    originalFileName: 'electron.exe',
  },
  cursor: {
    fileVersion: '0.44.11',
    description: 'Cursor',
    product: 'Cursor',
    company: 'Anysphere',
    originalFileName: 'electron.exe',
  },
  /** The standalone VS Code CLI (`code.exe`, `code-tunnel.exe`) is a Rust binary with no version resource. */
  vscodeCli: NO_FILE_INFO,
  /** devtunnel.exe is a .NET single-file app: its OriginalFileName is that of the main assembly. */
  devtunnel: {
    fileVersion: '1.0.1435.39573',
    description: 'devtunnel',
    product: 'Microsoft Dev Tunnels CLI',
    company: 'Microsoft Corporation',
    originalFileName: 'devtunnel.dll',
  },
  git: {
    fileVersion: '2.47.1.windows.1',
    description: 'Git for Windows',
    product: 'Git',
    company: 'The Git Development Community',
    originalFileName: 'git.exe',
  },
  node: {
    fileVersion: '20.18.1',
    description: 'Node.js JavaScript Runtime',
    product: 'Node.js',
    company: 'Node.js',
    originalFileName: 'node.exe',
  },
  ripgrep: NO_FILE_INFO,
  intellij: {
    fileVersion: '2024.3.1.0',
    description: 'IntelliJ IDEA',
    product: 'IntelliJ IDEA',
    company: 'JetBrains s.r.o.',
    originalFileName: 'idea64.exe',
  },
  pycharm: {
    fileVersion: '2024.3.1.0',
    description: 'PyCharm',
    product: 'PyCharm',
    company: 'JetBrains s.r.o.',
    originalFileName: 'pycharm64.exe',
  },
  fsnotifier: {
    fileVersion: '2024.3.1.0',
    description: 'fsnotifier',
    product: 'IntelliJ Platform',
    company: 'JetBrains s.r.o.',
    originalFileName: 'fsnotifier.exe',
  },
  jbrJava: {
    fileVersion: '21.0.5.0',
    description: 'OpenJDK Platform binary',
    product: 'OpenJDK Platform 21.0.5',
    company: 'JetBrains s.r.o.',
    originalFileName: 'java.exe',
  },
  gradleJava: {
    fileVersion: '17.0.13.0',
    description: 'OpenJDK Platform binary',
    product: 'OpenJDK Platform 17.0.13',
    company: 'Eclipse Adoptium',
    originalFileName: 'java.exe',
  },
  agent: {
    fileVersion: '3.248.0',
    description: 'Agent.Listener',
    product: 'Azure Pipelines Agent',
    company: 'Microsoft Corporation',
    originalFileName: 'Agent.Listener.dll',
  },
  wireguard: {
    fileVersion: '0.5.3',
    description: 'WireGuard: Fast, Modern, Secure VPN Tunnel',
    product: 'WireGuard',
    company: 'WireGuard LLC',
    originalFileName: 'wireguard.exe',
  },
} as const satisfies Record<string, FileInfo>;

/** devtunnel.dll as the single-file host extracts and loads it. */
export const DEVTUNNEL_DLL: FileInfo = {
  fileVersion: '1.0.1435.39573',
  description: 'devtunnel',
  product: 'Microsoft Dev Tunnels CLI',
  company: 'Microsoft Corporation',
  originalFileName: 'devtunnel.dll',
};
