// `spelunk serve` as a child process for the integration tests: started from dist/ on free ports
// (--hec-port 0 --rest-port 0), its URLs read from what it prints; stopped with SIGTERM or killed.
import { type ChildProcess, spawn } from 'node:child_process';
import { CLI, REPO } from '../dist.ts';

export const ADMIN_PASSWORD = 'integration-pass-1';
export const HEC_TOKEN = '6a1f8c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

export interface ServeProcess {
  readonly hecUrl: string;
  readonly restUrl: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
}

export async function startServe(
  dataDir: string,
  extra: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--data',
      dataDir,
      '--hec-port',
      '0',
      '--rest-port',
      '0',
      '--password',
      ADMIN_PASSWORD,
      '--hec-token',
      HEC_TOKEN,
      ...extra,
    ],
    { cwd: REPO, env: { ...process.env, TZ: 'UTC', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const urls = await new Promise<{ hec: string; rest: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`spelunk serve did not start:\n${stdout}\n${stderr}`)),
      60_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const rest = /REST API\s+(\S+)/.exec(stdout)?.[1];
      const hec = /HEC\s+(\S+)/.exec(stdout)?.[1];
      if (rest !== undefined && hec !== undefined) {
        clearTimeout(timer);
        resolve({ hec, rest });
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`spelunk serve exited (${code}):\n${stdout}\n${stderr}`));
    });
  });
  return {
    hecUrl: urls.hec,
    restUrl: urls.rest,
    child,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Basic-auth header of the admin user. */
export function adminAuth(): string {
  return `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}`;
}

/** Runs a search through the export endpoint and returns its result objects. */
export async function exportSearch(
  restUrl: string,
  search: string,
): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${restUrl}/services/search/jobs/export`, {
    method: 'POST',
    headers: { Authorization: adminAuth(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ search, output_mode: 'json' }),
  });
  if (!response.ok) throw new Error(`export failed: ${response.status} ${await response.text()}`);
  return (await response.text())
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { result?: Record<string, unknown> })
    .flatMap((l) => (l.result === undefined ? [] : [l.result]));
}
