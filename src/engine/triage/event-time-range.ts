// `--start`/`--end`: only events inside a time range reach the detections, as Splunk's time range
// picker bounds a search before any of its commands run.
import type { Event, EventSource } from '../../core/index.ts';
import { type TimeBounds, withinBounds } from '../../spl/index.ts';

/** The range of `--start`/`--end`: spl's time bounds (earliest inclusive, latest exclusive). */
export type EventTimeRange = TimeBounds;

/**
 * The events of `source` whose `_time` is inside `range`; the others are counted with
 * `onOutside`. An event without a time cannot be placed in a range and is left out.
 */
export async function* withinTimeRange(
  source: EventSource,
  range: EventTimeRange,
  onOutside: (count: number) => void,
): EventSource {
  for await (const batch of source) {
    const kept: Event[] = [];
    for (const event of batch) {
      const time = event['_time'];
      if (typeof time === 'number' && withinBounds(range, time)) kept.push(event);
    }
    if (kept.length < batch.length) onOutside(batch.length - kept.length);
    if (kept.length > 0) yield kept.length === batch.length ? batch : kept;
  }
}
