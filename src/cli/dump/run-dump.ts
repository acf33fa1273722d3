// `spelunk dump`: the event pump with one consumer that prints each event (JSON line, or its XML)
// → report input problems.
import { formatDiagnostic } from '../../core/index.ts';
import { createEventPump, pumpSource } from '../../engine/index.ts';
import { hasInputProblems, openInputs, problemDiagnostic } from '../../ingest/index.ts';
import { type KnowledgeBase, NO_KNOWLEDGE } from '../../knowledge/index.ts';
import { type InputCliOptions, inputReadOptions } from '../commands/shared-options.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { reportInputs } from '../triage/input-exit.ts';
import { DumpConsumer, type DumpFormat } from './dump-consumer.ts';

export type { DumpFormat } from './dump-consumer.ts';

export interface DumpOptions extends InputCliOptions {
  readonly format: DumpFormat;
  /** Include `_raw` in JSON lines. */
  readonly raw: boolean;
  /** The field knowledge every JSON line shows (every field it computes); none: the fields as read. */
  readonly knowledge?: KnowledgeBase;
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
  const consumer = new DumpConsumer(options.format, {
    raw: options.raw,
    withKnowledge: options.knowledge !== undefined,
    ...(io.signal === undefined ? {} : { signal: io.signal }),
  });
  const pump = createEventPump([consumer], { knowledge: options.knowledge ?? NO_KNOWLEDGE });
  const inputs = await openInputs(paths, {
    ...input,
    needRaw: pump.needsRaw,
    onProblem: (problem) => {
      if (printed++ < LIVE_PROBLEMS) io.err(`${formatDiagnostic(problemDiagnostic(problem))}\n`);
    },
    ...(io.stdin === undefined ? {} : { stdin: io.stdin }),
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    // --format xml prints EVTX records as `evtxexport -f xml` lays them out.
    ...(options.format === 'xml' ? { evtx: { ...input.evtx, rawStyle: 'evtxexport' } } : {}),
  });
  await pumpSource(pump, inputs.source, async () => {
    if (!consumer.notXml) await io.out(consumer.take());
  });
  if (consumer.notXml) {
    const file = inputs.summary().files.at(-1)?.path ?? '';
    io.err(`error: --format xml prints the XML of XML and EVTX inputs; ${file} is not one\n`);
    return EXIT_USAGE;
  }
  const summary = inputs.summary();
  if (printed > LIVE_PROBLEMS) io.err(`(${printed - LIVE_PROBLEMS} more problems not shown)\n`);
  // Every problem was printed as it happened: the summary closes the list.
  return (
    reportInputs(summary, false, io.err, { alwaysSummary: true }) ??
    (options.strict && hasInputProblems(summary) ? EXIT_FAILURE : EXIT_OK)
  );
}
