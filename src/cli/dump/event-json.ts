// One event as a JSON line for `spelunk dump`: Splunk metadata first, `_raw` last.
import type { Event } from '../../core/event.ts';

const LEADING = ['_time', 'index', 'host', 'source', 'sourcetype'] as const;

/** Absent (undefined) fields are left out; multivalue fields are arrays. */
export function eventJsonLine(event: Event, withRaw: boolean): string {
  const ordered: Record<string, unknown> = {};
  for (const name of LEADING) {
    if (event[name] !== undefined) ordered[name] = event[name];
  }
  for (const name of Object.keys(event)) {
    if (name === '_raw' || (LEADING as readonly string[]).includes(name)) continue;
    const value = event[name];
    if (value === undefined) continue;
    if (name === '__proto__') {
      Object.defineProperty(ordered, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      ordered[name] = value;
    }
  }
  if (withRaw && event['_raw'] !== undefined) ordered['_raw'] = event['_raw'];
  return JSON.stringify(ordered);
}
