// `spelunk search --server URL|--data DIR '<SPL>'`: the search runs over an index instead of files,
// through a running server's export endpoint or on a data directory no server holds.
import { DiagnosticError, formatDiagnostics } from '../../core/index.ts';
import {
  DEFAULT_DATA_DIR,
  IndexRegistry,
  loadServerConfig,
  openDuckDbStore,
  openSearchWorkspace,
  runIndexSearch,
  SearchCompileError,
  StoreLockedError,
} from '../../server/index.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { createResultWriter, type OutputFormat } from '../output/index.ts';
import { type IndexCliOptions, indexTarget } from './index-options.ts';
import { maxMemoryBytes } from './shared-options.ts';

export interface IndexSearchCliOptions extends IndexCliOptions {
  readonly format: OutputFormat;
  readonly earliest?: string;
  readonly latest?: string;
  readonly config?: string;
  readonly props?: readonly string[];
  readonly datamodels?: readonly string[];
  /** `--max-memory`, in MB: the budget of the search's commands with --data. */
  readonly maxMemory?: number;
  readonly builtinKnowledge?: boolean;
}

export interface IndexSearchIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export async function runSearchOverIndex(
  spl: string,
  options: IndexSearchCliOptions,
  io: IndexSearchIo,
): Promise<number> {
  const target = indexTarget(options);
  if ('usage' in target) {
    io.err(`error: ${target.usage}\n`);
    return EXIT_USAGE;
  }
  const writer = createResultWriter(options.format, io.out);
  const range = {
    ...(options.earliest === undefined ? {} : { earliest: options.earliest }),
    ...(options.latest === undefined ? {} : { latest: options.latest }),
  };
  if ('client' in target) {
    try {
      for await (const line of target.client.search(spl, range)) {
        if (line.kind === 'result') writer.write([line.result]);
        else io.err(`${line.type.toLowerCase()}: ${line.text}\n`);
      }
    } catch (error) {
      writer.end();
      io.err(`error: ${(error as Error).message}\n`);
      return EXIT_FAILURE;
    }
    writer.end();
    return EXIT_OK;
  }
  const loaded = loadServerConfig(options.config);
  if (loaded.config === undefined) {
    io.err(`${formatDiagnostics(loaded.diagnostics)}\n`);
    return EXIT_FAILURE;
  }
  let store: Awaited<ReturnType<typeof openDuckDbStore>>;
  try {
    store = await openDuckDbStore(target.data ?? loaded.config.data ?? DEFAULT_DATA_DIR);
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    io.err(`error: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  try {
    const workspace = openSearchWorkspace({
      props: options.props ?? [],
      dataModels: options.datamodels ?? [],
      builtinKnowledge: options.builtinKnowledge !== false,
    });
    const errors = workspace.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      io.err(`${formatDiagnostics(errors)}\n`);
      return EXIT_FAILURE;
    }
    const indexes = new IndexRegistry(loaded.config.indexes);
    await runIndexSearch(
      { spl, ...(Object.keys(range).length > 0 ? { timeRange: range } : {}) },
      {
        store,
        workspace,
        indexes: () => indexes.all(),
        defaultIndexes: loaded.config.search.defaultIndexes,
        maxMemoryBytes: maxMemoryBytes(options),
      },
      {
        emit: (rows) => writer.write(rows),
        message: (type, text) => io.err(`${type.toLowerCase()}: ${text}\n`),
        scanned: () => {},
      },
    );
    writer.end();
    return EXIT_OK;
  } catch (error) {
    // A search that does not compile, or stopped at its memory budget (SPL530): what it printed stands.
    if (error instanceof DiagnosticError) {
      writer.end();
      io.err(`${formatDiagnostics(error.diagnostics)}\n`);
      return EXIT_FAILURE;
    }
    if (!(error instanceof SearchCompileError)) throw error;
    io.err(`${error.message}\n`);
    return EXIT_FAILURE;
  } finally {
    await store.close();
  }
}
