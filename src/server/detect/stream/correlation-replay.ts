// Rebuilding Sigma correlation state: at start, after a reload and when a matcher is replaced, the
// index's events of the longest correlation timespan before the clock are pushed through the new
// version, oldest first (the matcher drops their findings: they were written when first seen). So
// the state survives a restart without a state file of its own. At start only the rows the
// stream's position covers are replayed: those after it are matched for their findings next
// (stream-catch-up.ts), and fed into the state then, once.
import type { Event, EventSource } from '../../../core/index.ts';
import type { EncodedEvents } from '../../store/encoded-events.ts';
import { encodeEvents } from '../../store/event-encoder.ts';
import type { DetectRuntime } from '../detect-runtime.ts';
import { DETECT_OUTPUT_INDEXES } from '../output/detect-records.ts';

/** Events replayed at most, and per message. */
const MAX_REPLAY_EVENTS = 500_000;
const REPLAY_CHUNK = 2000;

/** Indexes whose events are streamed: not the detect role's own output (no risk on risk). */
export const notOutput = (index: string) => !DETECT_OUTPUT_INDEXES.has(index);

/**
 * Reads the last `timespan` seconds of events (with `upTo`, of each partition's rows before
 * `upTo(table)` only) and hands them to `match` in chunks, in time order.
 */
export async function replayCorrelations(
  runtime: DetectRuntime,
  timespan: number,
  match: (batch: EncodedEvents) => Promise<unknown>,
  upTo?: (table: string) => number,
): Promise<void> {
  const earliest = runtime.clock.now() - timespan;
  const events: Event[] = [];
  const source =
    upTo === undefined
      ? runtime.store.query({
          indexes: runtime.searchDeps.indexes().filter(notOutput),
          filter: { kind: 'true' },
          fields: 'all',
          raw: false,
          earliest,
        })
      : coveredRows(runtime, earliest, upTo);
  for await (const batch of source) {
    events.push(...batch);
    if (events.length >= MAX_REPLAY_EVENTS) {
      runtime.log(
        `sigma stream: correlation state rebuilt from the newest ${MAX_REPLAY_EVENTS} events only`,
      );
      break;
    }
  }
  events.sort((a, b) => Number(a['_time'] ?? 0) - Number(b['_time'] ?? 0));
  for (let i = 0; i < events.length; i += REPLAY_CHUNK) {
    await match(encodeEvents(events.slice(i, i + REPLAY_CHUNK)));
  }
}

async function* coveredRows(
  runtime: DetectRuntime,
  earliest: number,
  upTo: (table: string) => number,
): EventSource {
  for (const rows of runtime.store.partitionRows()) {
    if (!notOutput(rows.index)) continue;
    const to = Math.min(rows.to, upTo(rows.table));
    yield* runtime.store.readRows({ ...rows, to }, { raw: false, earliest });
  }
}
