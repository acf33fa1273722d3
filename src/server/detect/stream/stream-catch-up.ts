// The Sigma stream's catch-up at start: the events committed after its position (stream-position.ts)
// were acknowledged but their findings never written (the process died with them matched and
// waiting in the writer, or in flight, or not yet matched). They are read back from the store in
// commit order (a partition's row order; partitions oldest first) and matched by the running
// version like live batches, findings and all, before live matching goes on. At most `max` events
// are matched: past that the oldest are left unmatched and the log says which, never silently.
import type { EncodedEvents } from '../../store/encoded-events.ts';
import { encodeEvents } from '../../store/event-encoder.ts';
import type { PartitionRows } from '../../store/event-store.ts';
import type { DetectRuntime } from '../detect-runtime.ts';
import { notOutput } from './correlation-replay.ts';
import type { MatchedReply } from './sigma-match-protocol.ts';
import {
  STREAM_POSITION_PREFIX,
  STREAM_STARTED_KEY,
  type StreamPosition,
} from './stream-position.ts';

/** The stream's catch-ups: the rows one has still to match, and what they matched and left out. */
export class StreamCatchUp {
  private ranges: PartitionRows[] = [];
  /** Events matched by catch-ups, and left out by their bound. */
  events = 0;
  skipped = 0;

  /** A catch-up planned has rows left (a failed matcher cut it short). */
  get pending(): boolean {
    return this.ranges.length > 0;
  }

  /** Plans the rows committed after the position (in the turn live matching starts). */
  plan(runtime: Pick<DetectRuntime, 'store' | 'log' | 'config'>, position: StreamPosition): void {
    const plan = planCatchUp(runtime, position, runtime.config.maxStreamCatchUp);
    this.ranges = plan.ranges;
    this.skipped += plan.skipped;
    position.plan(plan.ranges);
  }

  /** Gives up the rows left (live matching goes on past them); returns how many events. */
  abandon(): number {
    const left = this.ranges.reduce((n, r) => n + r.to - r.from, 0);
    this.ranges = [];
    this.skipped += left;
    return left;
  }

  /** Matches the planned rows; `hand` gets each batch's findings once the position covers it. */
  async run(
    runtime: Pick<DetectRuntime, 'store'>,
    position: StreamPosition,
    match: (batch: EncodedEvents) => Promise<MatchedReply>,
    hand: (reply: MatchedReply) => void,
  ): Promise<void> {
    await runCatchUp(runtime, this.ranges, match, (reply, covers) => {
      this.events += reply.events;
      position.cover([covers]);
      hand(reply);
    });
  }
}

/** The rows a catch-up matches (oldest partition first) and how many it leaves out. */
export interface CatchUpPlan {
  readonly ranges: PartitionRows[];
  readonly events: number;
  readonly skipped: number;
}

/**
 * What is committed after the position, within `max` events. The rows left out are covered at
 * once (their findings are given up, and said so) so the next start does not report them again.
 */
export function planCatchUp(
  runtime: Pick<DetectRuntime, 'store' | 'log'>,
  position: StreamPosition,
  max: number,
): CatchUpPlan {
  const ranges: PartitionRows[] = [];
  let events = 0;
  for (const rows of runtime.store.partitionRows()) {
    const from = position.of(rows.table);
    if (!notOutput(rows.index) || from >= rows.to) continue;
    ranges.push({ ...rows, from });
    events += rows.to - from;
  }
  let skipped = 0;
  const left: string[] = [];
  for (let i = 0; i < ranges.length && events - skipped > max; i++) {
    const r = ranges[i] as PartitionRows;
    const cut = Math.min(r.to - r.from, events - skipped - max);
    position.cover([{ ...r, to: r.from + cut }]);
    left.push(`${cut} of index=${r.index} ${new Date(r.start * 1000).toISOString().slice(0, 10)}`);
    ranges[i] = { ...r, from: r.from + cut };
    skipped += cut;
  }
  if (skipped > 0) {
    runtime.log(
      `sigma stream: ${events} events were committed after the stream's position, more than detect.maxStreamCatchUp (${max}); the oldest ${skipped} are not matched (${left.join(', ')}): hunt or dispatch over them`,
    );
  }
  return { ranges: ranges.filter((r) => r.from < r.to), events: events - skipped, skipped };
}

/**
 * Reads the planned rows and hands them to `match` as batches in commit order; `matched` gets each
 * batch's reply with the rows it covers, once answered. Consumes `ranges` as it goes, so a
 * catch-up cut short by a failed matcher is resumed by the next one.
 */
export async function runCatchUp<Reply>(
  runtime: Pick<DetectRuntime, 'store'>,
  ranges: PartitionRows[],
  match: (batch: EncodedEvents) => Promise<Reply>,
  matched: (reply: Reply, covers: PartitionRows) => void,
): Promise<void> {
  while (ranges.length > 0) {
    const range = ranges[0] as PartitionRows;
    let from = range.from;
    for await (const events of runtime.store.readRows(range, { raw: true })) {
      if (events.length === 0) continue;
      const reply = await match(encodeEvents(events));
      const to = from + events.length;
      matched(reply, { ...range, from, to });
      from = to;
      ranges[0] = { ...range, from };
    }
    ranges.shift();
  }
}

/**
 * The position as committed, read once. On the first start over a store there is none: the
 * events stored so far are history (hunt and the scheduled searches read them), so the stream
 * starts after them, and says so in the store, so that a partition without a position later is
 * one made since: its rows are all to match.
 */
export async function loadPosition(
  runtime: Pick<DetectRuntime, 'store' | 'writer' | 'clock'>,
  position: StreamPosition,
): Promise<void> {
  if (position.known) return;
  const [started, checkpoints] = await Promise.all([
    runtime.store.checkpoint(STREAM_STARTED_KEY),
    runtime.store.checkpoints(STREAM_POSITION_PREFIX),
  ]);
  position.load(checkpoints);
  if (started !== undefined) return;
  position.cover(runtime.store.partitionRows());
  await runtime.writer.commit({
    runId: '',
    findings: [],
    checkpoints: [
      {
        key: STREAM_STARTED_KEY,
        position: Math.floor(runtime.clock.now()),
        complete: true,
        detail: 'sigma stream: started',
      },
      ...position.take(),
    ],
  });
}
