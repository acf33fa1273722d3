// One event as a JSON line for `spelunk dump`: Splunk metadata first, `_raw` last.
import { type Event, readField, type SharedEvent, writeField } from '../../core/index.ts';
import { formatValues } from '../../engine/index.ts';

const LEADING = ['_time', 'index', 'host', 'source', 'sourcetype'] as const;

/**
 * Absent (undefined) fields are left out; multivalue fields are arrays. `_time` prints as the
 * search writers print it (engine/results/format-value.ts), so `dump` and `search` agree.
 */
export function eventJsonLine(event: SharedEvent, withRaw: boolean): string {
  const ordered: Record<string, unknown> = {};
  for (const name of LEADING) {
    const value = readField(event, name);
    if (value !== undefined) ordered[name] = name === '_time' ? timeJson(value) : value;
  }
  for (const name of Object.keys(event)) {
    if (name === '_raw' || (LEADING as readonly string[]).includes(name)) continue;
    const value = event[name];
    if (value !== undefined) writeField(ordered, name, value);
  }
  const raw = withRaw ? readField(event, '_raw') : undefined;
  if (raw !== undefined) ordered['_raw'] = raw;
  return JSON.stringify(ordered);
}

function timeJson(value: NonNullable<Event[string]>): string | string[] {
  const texts = formatValues('_time', value);
  return Array.isArray(value) ? texts : (texts[0] as string);
}
