// `spelunk dump`: open inputs → print each event (JSON line, or its XML) → report input problems.
import { type Event, formatDiagnostic } from '../../core/index.ts';
import {
  formatInputSummary,
  hasInputProblems,
  INGEST_CODES,
  openInputs,
  problemDiagnostic,
} from '../../ingest/index.ts';
import { type InputCliOptions, inputReadOptions } from '../commands/shared-options.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { eventJsonLine } from './event-json.ts';

export type DumpFormat = 'jsonl' | 'xml';

export interface DumpOptions extends InputCliOptions {
  readonly format: DumpFormat;
  /** Include `_raw` in JSON lines. */
  readonly raw: boolean;
  /** Adds fields to each batch before it is printed (the field knowledge; none with --raw-fields). */
  readonly enrich?: {
    readonly readsRaw: boolean;
    apply(events: readonly Event[]): void;
  };
}

/** Where dump writes; `out` resolves once the text is accepted (backpressure). */
export interface DumpIo {
  readonly out: (text: string) => Promise<void>;
  readonly err: (text: string) => void;
  readonly stdin?: AsyncIterable<Uint8Array>;
  readonly signal?: AbortSignal;
}

/** Problems printed as they happen; the rest are counted in the closing summary. */
const LIVE_PROBLEMS = 100;

/** Returns the exit code: 0, 1 (a path missing; with `--strict`, any input problem), 2 (usage). */
export async function runDump(
  paths: readonly string[],
  options: DumpOptions,
  io: DumpIo,
): Promise<number> {
  let printed = 0;
  const input = inputReadOptions(options);
  const inputs = await openInputs(paths, {
    ...input,
    needRaw: options.raw || options.format === 'xml' || options.enrich?.readsRaw === true,
    onProblem: (problem) => {
      if (printed++ < LIVE_PROBLEMS) io.err(`${formatDiagnostic(problemDiagnostic(problem))}\n`);
    },
    ...(io.stdin === undefined ? {} : { stdin: io.stdin }),
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    // --format xml prints EVTX records as `evtxexport -f xml` lays them out.
    ...(options.format === 'xml' ? { evtx: { ...input.evtx, rawStyle: 'evtxexport' } } : {}),
  });
  for await (const batch of inputs.source) {
    if (options.format === 'jsonl') options.enrich?.apply(batch);
    let text = '';
    for (const event of batch) {
      if (options.format === 'jsonl') {
        text += `${eventJsonLine(event, options.raw)}\n`;
        continue;
      }
      const raw = event['_raw'];
      if (typeof raw !== 'string' || !raw.startsWith('<')) {
        const file = inputs.summary().files.at(-1)?.path ?? '';
        io.err(`error: --format xml prints the XML of XML and EVTX inputs; ${file} is not one\n`);
        return EXIT_USAGE;
      }
      text += `${raw}\n`;
    }
    await io.out(text);
    if (io.signal?.aborted) break;
  }
  const summary = inputs.summary();
  if (printed > LIVE_PROBLEMS) io.err(`(${printed - LIVE_PROBLEMS} more problems not shown)\n`);
  io.err(`${formatInputSummary(summary)}\n`);
  const missing = summary.problems.some((p) => p.code === INGEST_CODES.pathNotFound);
  return missing || (options.strict && hasInputProblems(summary)) ? EXIT_FAILURE : EXIT_OK;
}
