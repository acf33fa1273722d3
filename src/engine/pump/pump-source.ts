// Drives a pump from a pull source (readers, replays, a store query): every batch pushed, then
// the consumers finished.
import type { EventSource } from '../../core/index.ts';
import type { EventPump } from './event-pump.ts';

/**
 * Pushes every batch of `source` (none when undefined) and finishes the pump. `afterBatch` runs
 * after each batch and is awaited (progress, output backpressure). Reading stops as soon as the
 * pump is done - before the first batch when no consumer reads events: leaving the loop returns
 * the source's iterator, which closes files, stdin and EVTX workers.
 */
export async function pumpSource(
  pump: EventPump,
  source: EventSource | undefined,
  afterBatch?: () => Promise<void> | void,
): Promise<void> {
  if (source !== undefined && !pump.done) {
    for await (const batch of source) {
      pump.push(batch);
      await afterBatch?.();
      if (pump.done) break;
    }
  }
  pump.finish();
}
