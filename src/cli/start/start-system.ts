// `spelunk start`: the whole system on its embedded default. start the server (web UI, HEC, REST,
// live detection with the built-in pack and the SigmaHQ tunnel rules) on a data directory of its
// own → send the bundled sample through HEC once → run the scheduled detections over the
// sample's window once → print the UI's address and login, what detection found, and the Atomic
// tests found → run until SIGINT/SIGTERM, then stop cleanly.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { formatDiagnostics } from '../../core/index.ts';
import { BUILTIN_CONTENT_DIR } from '../../detection/index.ts';
import {
  loadServerConfig,
  type RunningServer,
  ServeError,
  startServer,
} from '../../server/index.ts';
import { startFailure } from '../commands/serve.ts';
import { EXIT_FAILURE, EXIT_OK } from '../exit-codes.ts';
import { BUNDLED_TELEMETRY_DIR, reportAtomicTests, type StartIo } from './atomic-tests.ts';
import { countOf, detectSampleOnce, ingestSampleOnce } from './sample-once.ts';

/** Not serve's ./spelunk-data: the demo's index stays apart from the user's own. */
export const DEFAULT_START_DATA = './spelunk-start-data';
const PASSWORD_FILE = 'admin-password';

export interface StartOptions {
  readonly data?: string;
  readonly uiPort?: number;
  readonly hecPort?: number;
  readonly restPort?: number;
  readonly sigma: readonly string[];
}

/** SigmaHQ's Windows rules about tunnels (their file names say `tunnel`), from the public corpus when it is beside the checkout. */
export function sigmaTunnelRules(): { files: string[]; dir: string } {
  const corpus =
    process.env['SPELUNK_CORPUS'] ?? path.join(BUILTIN_CONTENT_DIR, '..', '..', 'shared', 'corpus');
  const dir = path.join(corpus, 'sigma', 'rules', 'windows');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/tunnel/i.test(e.name) && e.name.endsWith('.yml')) files.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files: files.sort(), dir };
}

/** $SPELUNK_PASSWORD, else the password this data directory keeps (0600), made on the first start. */
function adminPassword(dataDir: string): string {
  const given = process.env['SPELUNK_PASSWORD'];
  if (given) return given;
  const file = path.join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const password = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

export async function runStartSystem(options: StartOptions, io: StartIo): Promise<number> {
  const dataDir = options.data ?? DEFAULT_START_DATA;
  const defaults = loadServerConfig(undefined).config;
  if (defaults === undefined) return EXIT_FAILURE;
  const config = {
    ...defaults,
    listen: {
      ...defaults.listen,
      ...(options.uiPort === undefined ? {} : { uiPort: options.uiPort }),
      ...(options.hecPort === undefined ? {} : { hecPort: options.hecPort }),
      ...(options.restPort === undefined ? {} : { restPort: options.restPort }),
    },
  };
  const tunnelRules = sigmaTunnelRules();
  const sigma = options.sigma.length > 0 ? options.sigma : tunnelRules.files;
  const password = adminPassword(dataDir);
  let server: RunningServer;
  try {
    server = await startServer({
      config,
      dataDir,
      adminPassword: password,
      workspace: {},
      sigma,
      log: (line) => io.err(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (error) {
    return startFailure(error, io);
  }
  let stopped = false;
  const stop = new Promise<void>((resolve) => {
    const done = () => {
      stopped = true;
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  try {
    const problems = server.workspaceDiagnostics.filter((d) => d.severity === 'error');
    if (problems.length > 0) io.err(`${formatDiagnostics(problems)}\n`);
    const api = {
      url: server.restUrl,
      auth: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`,
    };
    const token = server.defaultHecToken;
    if (token === undefined) throw new ServeError('the start system has no HEC token of its own');
    const sent = await ingestSampleOnce(server, BUNDLED_TELEMETRY_DIR, token);
    const runs = await detectSampleOnce(server, api);
    await server.detect.idle();
    const status = await server.detect.status();
    const sample = path.relative(process.cwd(), BUNDLED_TELEMETRY_DIR) || '.';
    io.out(`spelunk start: data in ${dataDir}\n`);
    io.out(
      sent > 0
        ? `  sample    ${sent} events of ${sample} sent through HEC now${runs > 0 ? `; ${runs} scheduled detections ran over its time window` : ''}\n`
        : `  sample    ${sample} already indexed in ${dataDir} (not sent again)\n`,
    );
    io.out(
      `  Web UI    ${server.uiUrl ?? '(off)'}  user admin, password ${password}${process.env['SPELUNK_PASSWORD'] ? ' ($SPELUNK_PASSWORD)' : ` (kept in ${path.join(dataDir, PASSWORD_FILE)})`}\n`,
    );
    io.out(`  REST API  ${server.restUrl}\n`);
    io.out(`  HEC       ${server.hecUrl}  (token ${token})\n`);
    io.out(
      `  detect    ${status.scheduled} scheduled searches (the built-in pack), ${status.streaming} streaming Sigma rules${options.sigma.length > 0 ? '' : tunnelRules.files.length > 0 ? ` (SigmaHQ tunnel rules from ${path.relative(process.cwd(), tunnelRules.dir)})` : ` (SigmaHQ tunnel rules not found at ${path.relative(process.cwd(), tunnelRules.dir)}: give --sigma DIR)`}\n`,
    );
    io.out(
      `  found     ${await countOf(api, 'index=risk')} risk events, ${await countOf(api, 'index=notable notable_type=risk_incident')} risk incidents (Incidents page)\n`,
    );
    const found = await reportAtomicTests(server.detect.workspace, io);
    if (found !== 3) io.err(`warning: ${found ?? 0} of 3 Atomic tests found by seed 000\n`);
    io.out(`\nspelunk start: running; open ${server.uiUrl ?? server.restUrl}. Ctrl-C stops it.\n`);
    if (!stopped) await stop;
    io.err('spelunk start: stopping\n');
    return EXIT_OK;
  } catch (error) {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  } finally {
    await server.close();
  }
}
