// `spelunk serve`: the index (embedded store), the HTTP Event Collector and Splunk's REST search
// API in one process. With no config it works at once: data in ./spelunk-data, HEC on
// 127.0.0.1:8088, REST on 127.0.0.1:8089, user admin (a password is generated and shown once).
import { type Command, InvalidArgumentError, Option } from 'commander';
import { formatDiagnostics } from '../../core/index.ts';
import { type AttackCatalog, readAttackCatalog } from '../../detection/index.ts';
import {
  DEFAULT_DATA_DIR,
  type DetectClock,
  fileClock,
  loadServerConfig,
  ServeError,
  type ServerConfig,
  StoreLockedError,
  startServer,
  UiAssetsMissingError,
} from '../../server/index.ts';
import { EXIT_FAILURE, EXIT_OK } from '../exit-codes.ts';
import type { CliCommand } from './index.ts';
import { addOptions, collect } from './shared-options.ts';

export interface ServeCliOptions {
  readonly data?: string;
  readonly config?: string;
  readonly host?: string;
  readonly hecPort?: number;
  readonly restPort?: number;
  readonly uiPort?: number;
  /** false with --no-ui. */
  readonly ui?: boolean;
  readonly hecToken?: string;
  readonly password?: string;
  readonly insecure?: boolean;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly content: readonly string[];
  readonly props: readonly string[];
  readonly datamodels: readonly string[];
  readonly sigma: readonly string[];
  readonly sigmaMapping?: string;
  /** A STIX bundle (or CSV) of ATT&CK the web UI names techniques from. */
  readonly attack?: string;
  readonly alertWebhook?: string;
  readonly clockFile?: string;
}

export const serveCommand: CliCommand = {
  register(program: Command) {
    const command = program
      .command('serve')
      .description(
        'Run the server: an index (embedded store), the HTTP Event Collector and the REST search API',
      );
    addOptions(
      command,
      new Option(
        '--data <dir>',
        `data directory (default ${DEFAULT_DATA_DIR}, or data: in the config)`,
      ),
      new Option('--config <file>', 'YAML config: indexes, HEC tokens, users, inputs, limits, TLS'),
      new Option('--host <address>', 'address to listen on (default 127.0.0.1)'),
      new Option('--hec-port <port>', 'HTTP Event Collector port (default 8088)').argParser(
        parsePort,
      ),
      new Option('--rest-port <port>', 'REST API port (default 8089)').argParser(parsePort),
      new Option('--ui-port <port>', 'web UI port (default 8000)').argParser(parsePort),
      new Option('--no-ui', 'do not serve the web UI'),
      new Option(
        '--attack <file>',
        "ATT&CK catalogue for the web UI's matrix: enterprise-attack.json (STIX) or a CSV",
      ),
      new Option('--hec-token <token>', 'an HEC token named default (also $SPELUNK_HEC_TOKEN)'),
      new Option('--password <password>', "admin's password (also $SPELUNK_PASSWORD)"),
      new Option('--insecure', 'allow listening beyond loopback without TLS'),
      new Option('--tls-cert <file>', 'TLS certificate (PEM) for both ports'),
      new Option('--tls-key <file>', 'TLS private key (PEM)'),
      new Option(
        '--content <dir>',
        'ESCU content: its detections run as scheduled searches, its macros and lookups serve every search (repeatable; default: the built-in pack)',
      )
        .argParser(collect)
        .default([]),
      new Option('--sigma <file|dir>', 'Sigma rules matched on every committed event (repeatable)')
        .argParser(collect)
        .default([]),
      new Option(
        '--sigma-mapping <file>',
        'Sigma logsource mapping (spelunk format or SigmaHQ thor.yml)',
      ),
      new Option(
        '--alert-webhook <url>',
        'POST every alert (notables) as JSON to this URL (detect.actions.webhook)',
      ),
      new Option(
        '--clock-file <file>',
        "the scheduler's clock: epoch seconds read from this file (tests run a day of windows in seconds)",
      ).hideHelp(),
      new Option('--props <file|dir>', 'field knowledge over the built-in (repeatable)')
        .argParser(collect)
        .default([]),
      new Option('--datamodels <file|dir>', 'data-model mappings (repeatable)')
        .argParser(collect)
        .default([]),
    ).action(async (options: ServeCliOptions) => {
      process.exitCode = await runServe(options, {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
    });
  },
};

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65_535)
    throw new InvalidArgumentError('a port number from 0 to 65535');
  return port;
}

export interface ServeIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** load config → apply flags and environment → start → print where it listens → run until SIGINT/SIGTERM. */
export async function runServe(options: ServeCliOptions, io: ServeIo): Promise<number> {
  const loaded = loadServerConfig(options.config);
  if (loaded.diagnostics.length > 0) io.err(`${formatDiagnostics(loaded.diagnostics)}\n`);
  if (loaded.config === undefined) return EXIT_FAILURE;
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
    io.err('error: --tls-cert and --tls-key go together\n');
    return EXIT_FAILURE;
  }
  if (options.alertWebhook !== undefined && !/^https?:\/\/[^/\s]+/.test(options.alertWebhook)) {
    io.err(
      `error: --alert-webhook must be an http:// or https:// URL, not "${options.alertWebhook}"\n`,
    );
    return EXIT_FAILURE;
  }
  const config = withFlags(loaded.config, options);
  let attack: AttackCatalog | undefined;
  if (options.attack !== undefined) {
    const read = readAttackCatalog(options.attack);
    if (!read.ok) {
      io.err(`${formatDiagnostics(read.diagnostics)}\n`);
      return EXIT_FAILURE;
    }
    attack = read.value;
  }
  let clock: DetectClock | undefined;
  if (options.clockFile !== undefined) {
    try {
      clock = fileClock(options.clockFile);
    } catch (error) {
      io.err(`error: --clock-file: ${(error as Error).message}\n`);
      return EXIT_FAILURE;
    }
  }
  const dataDir = options.data ?? config.data ?? DEFAULT_DATA_DIR;
  const hecToken = options.hecToken ?? process.env['SPELUNK_HEC_TOKEN'];
  const password = options.password ?? process.env['SPELUNK_PASSWORD'];
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      config,
      dataDir,
      ...(hecToken ? { hecToken } : {}),
      ...(password ? { adminPassword: password } : {}),
      workspace: { content: options.content, props: options.props, dataModels: options.datamodels },
      sigma: options.sigma,
      ...(options.sigmaMapping === undefined ? {} : { sigmaMapping: options.sigmaMapping }),
      ...(clock === undefined ? {} : { clock }),
      ...(attack === undefined ? {} : { attack }),
      log: (line) => io.err(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (error) {
    return startFailure(error, io);
  }
  const problems = server.workspaceDiagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) io.err(`${formatDiagnostics(problems)}\n`);
  io.out(`spelunk serve: data in ${dataDir}\n`);
  if (server.uiUrl !== undefined) io.out(`  Web UI    ${server.uiUrl}  (user admin)\n`);
  io.out(`  REST API  ${server.restUrl}  (user admin)\n`);
  io.out(
    `  HEC       ${server.hecUrl}${server.defaultHecToken ? `  (token ${server.defaultHecToken})` : ''}\n`,
  );
  if (server.generatedPassword !== undefined) {
    io.out(`  admin password (generated, shown only now): ${server.generatedPassword}\n`);
  }
  const status = await server.detect.status();
  io.out(
    `  detect    ${status.scheduled} scheduled searches, ${status.streaming} streaming Sigma rules${status.alertActions.length > 0 ? `, alerts to ${status.alertActions.join(', ')}` : ''}\n`,
  );
  const reload = () => {
    server.detect.reload('SIGHUP').catch((e: unknown) => io.err(`reload failed: ${String(e)}\n`));
  };
  process.on('SIGHUP', reload);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.off('SIGHUP', reload);
  io.err('spelunk serve: stopping\n');
  await server.close();
  return EXIT_OK;
}

/** Why the server did not start, told the way the user can act on; anything else is a bug and thrown. */
export function startFailure(error: unknown, io: { readonly err: (text: string) => void }): number {
  if (
    error instanceof ServeError ||
    error instanceof StoreLockedError ||
    error instanceof UiAssetsMissingError
  ) {
    io.err(`error: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    io.err(
      `error: ${(error as Error).message}: another process listens there (--hec-port, --rest-port, --ui-port)\n`,
    );
    return EXIT_FAILURE;
  }
  throw error;
}

function withFlags(config: ServerConfig, options: ServeCliOptions): ServerConfig {
  return {
    ...config,
    listen: {
      ...config.listen,
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.hecPort === undefined ? {} : { hecPort: options.hecPort }),
      ...(options.restPort === undefined ? {} : { restPort: options.restPort }),
      ...(options.uiPort === undefined ? {} : { uiPort: options.uiPort }),
      ...(options.ui === false ? { ui: false } : {}),
      ...(options.insecure ? { insecure: true } : {}),
    },
    ...(options.tlsCert && options.tlsKey
      ? { tls: { cert: options.tlsCert, key: options.tlsKey } }
      : {}),
    ...(options.alertWebhook === undefined
      ? {}
      : {
          detect: {
            ...config.detect,
            actions: {
              ...config.detect.actions,
              webhook: {
                timeout: 10,
                maxRetryInterval: 300,
                headers: {},
                ...config.detect.actions.webhook,
                url: options.alertWebhook,
              },
            },
          },
        }),
  };
}
