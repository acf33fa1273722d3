// A generated telemetry file and the constants the scenarios share.

export interface Dataset {
  /** Path under content/data/. */
  readonly path: string;
  /** One XmlWinEventLog event per entry, in time order. */
  readonly events: readonly string[];
}

export const at = (iso: string): number => Date.parse(iso);

export const PS = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

/** The VS Code release the tunnel servers are named after (`servers\Stable-<commit>`). */
export const VSCODE_COMMIT = 'fabdb6a30b49f79a7aba0f2ad9df9b399473380f';

/** Events carry their SystemTime; files are written in time order, as a forwarder reads them. */
export function sortByTime(events: readonly string[]): string[] {
  const timeOf = (e: string) => /SystemTime='([^']+)'/.exec(e)?.[1] ?? '';
  return [...events].sort((a, b) => timeOf(a).localeCompare(timeOf(b)));
}
