// `spelunk ingest [options] <path>...`: EVTX, XML, JSON, CSV and .gz files or folders into the
// index, as `splunk add oneshot` does, through a running server (--server) or straight into a data
// directory no server holds (--data, default ./spelunk-data). The same file content is never
// indexed twice; an interrupted ingest resumes where it stopped.
import type { Command } from 'commander';
import { Option } from 'commander';
import { formatDiagnostics } from '../../core/index.ts';
import { formatInputSummary, hasInputProblems } from '../../ingest/index.ts';
import {
  DEFAULT_DATA_DIR,
  type FileIngestReport,
  IndexRegistry,
  type IngestTarget,
  ingestFiles,
  loadServerConfig,
  openDuckDbStore,
  StoreLockedError,
} from '../../server/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { createProgressDisplay } from '../hunt/progress-bar.ts';
import type { CliCommand } from './index.ts';
import { type IndexCliOptions, indexOptions, indexTarget } from './index-options.ts';
import {
  addOptions,
  type InputCliOptions,
  inputOptions,
  inputReadOptions,
} from './shared-options.ts';

export interface IngestCliOptions extends IndexCliOptions, Omit<InputCliOptions, 'strict'> {
  readonly config?: string;
  readonly progress: boolean;
}

export interface IngestIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly progressStream?: NodeJS.WriteStream;
}

export const ingestCommand: CliCommand = {
  register(program: Command) {
    const command = program
      .command('ingest')
      .description(
        'Index EVTX, XML, JSON, CSV and .gz files or folders (as splunk add oneshot): into a running server (--server) or a data directory (--data)',
      )
      .argument('<paths...>', 'files or directories to index');
    addOptions(
      command,
      inputOptions().filter((o) => o.long !== '--strict'),
      indexOptions(),
      new Option('--config <file>', 'with --data: the server config file (its indexes)'),
      new Option(
        '--no-progress',
        'never draw the progress bar (drawn on stderr when it is a terminal)',
      ),
    ).action(async (paths: string[], options: IngestCliOptions) => {
      process.exitCode = await runIngest(paths, options, {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
        progressStream: process.stderr,
      });
    });
  },
};

/** choose the target (server or data directory) → ingest each file → report per file and problems. */
export async function runIngest(
  paths: readonly string[],
  options: IngestCliOptions,
  io: IngestIo,
): Promise<number> {
  const target = indexTarget(options);
  if ('usage' in target) {
    io.err(`error: ${target.usage}\n`);
    return EXIT_USAGE;
  }
  const display =
    options.progress && io.progressStream
      ? createProgressDisplay(io.progressStream, undefined, 'indexing')
      : undefined;
  const startedAt = performance.now();
  const run = (target: IngestTarget) =>
    ingestFiles(paths, target, {
      input: inputReadOptions(options),
      onProgress: (p) => display?.update({ ...p, startedAt, files: () => p.files }),
    });
  let report: FileIngestReport;
  try {
    if ('client' in target) {
      report = await run(target.client);
    } else {
      const loaded = loadServerConfig(options.config);
      if (loaded.config === undefined) {
        io.err(`${formatDiagnostics(loaded.diagnostics)}\n`);
        return EXIT_FAILURE;
      }
      const indexes = new IndexRegistry(loaded.config.indexes);
      if (options.index !== undefined && !indexes.has(options.index)) {
        io.err(
          `error: no index "${options.index}": the indexes are ${indexes.all().join(', ')} (add others under indexes: in --config)\n`,
        );
        return EXIT_FAILURE;
      }
      const dataDir = target.data ?? loaded.config.data ?? DEFAULT_DATA_DIR;
      let store: Awaited<ReturnType<typeof openDuckDbStore>>;
      try {
        store = await openDuckDbStore(dataDir, {
          partitionSeconds: loaded.config.storage.partition,
        });
      } catch (error) {
        if (!(error instanceof StoreLockedError)) throw error;
        io.err(`error: ${error.message}\n`);
        return EXIT_FAILURE;
      }
      try {
        report = await run({
          checkpoint: (key) => store.checkpoint(key),
          write: (events, checkpoint) => {
            const unknown = events.find(
              (e) => typeof e['index'] !== 'string' || !indexes.has(e['index']),
            );
            if (unknown !== undefined)
              throw new Error(
                `no index "${String(unknown['index'])}" (add it under indexes: in --config)`,
              );
            return store.write({ events, checkpoints: [checkpoint] });
          },
        });
      } finally {
        await store.close();
      }
    }
  } catch (error) {
    display?.stop();
    io.err(`error: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
  display?.stop();
  return printReport(report, io);
}

function printReport(report: FileIngestReport, io: IngestIo): number {
  let failed = report.missing.length;
  for (const missing of report.missing) io.err(`not found: ${missing}\n`);
  for (const file of report.files) {
    if (file.status === 'indexed') {
      const resumed =
        file.resumedAt > 0 ? ` (resumed after ${file.resumedAt.toLocaleString('en-US')})` : '';
      io.out(`indexed ${file.events.toLocaleString('en-US')} events from ${file.path}${resumed}\n`);
    } else if (file.status === 'already') {
      io.out(`already indexed: ${file.path} (same content as ${file.detail})\n`);
    } else {
      failed++;
      io.err(`not indexed: ${file.path}: ${file.reason}\n`);
    }
  }
  for (const summary of report.summaries) {
    if (hasInputProblems(summary)) io.err(`${formatInputSummary(summary)}\n`);
  }
  io.out(`${report.events.toLocaleString('en-US')} events indexed\n`);
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
