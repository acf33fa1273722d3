// Integration tests run what users run: the CLI and the modules `npm run build` compiles into dist/
// (npm run test:integration builds it first). Nothing here goes through tsx's transform: the EVTX
// worker threads and the CLI start as plain JavaScript, as they do for users.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const DIST = path.join(REPO, 'dist');
export const CLI = path.join(DIST, 'cli', 'main.js');

function requireBuild(file: string): string {
  if (!existsSync(file)) {
    throw new Error(
      `${path.relative(REPO, file)} is missing: run npm run build (npm run test:integration does)`,
    );
  }
  return file;
}

/** A module of dist/, typed as its source: `distModule<typeof import('../../src/x.ts')>('x.js')`. */
export async function distModule<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(requireBuild(path.join(DIST, relative))).href)) as T;
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `spelunk <args>` from dist/ (or another build's `cli`), in the repository, with `stdin` written
 * and closed when given and `env` added to the environment.
 */
export function runCli(
  args: readonly string[],
  options: {
    readonly stdin?: string;
    readonly cwd?: string;
    readonly env?: Readonly<Record<string, string>>;
    readonly cli?: string;
  } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [requireBuild(options.cli ?? CLI), ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, TZ: 'UTC', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdin.on('error', () => {});
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
