// Events compared across readers and inputs: the provenance fields (which file, which line) are
// where they came from, not what they say, so they are set aside.
import type { Event } from '../../../src/core/index.ts';

export function withoutProvenance(events: readonly Event[]): Event[] {
  return events.map(({ _file, _line, ...rest }) => rest);
}
