// Lower-cased field values, computed once per event and field however many tests read them.
import { type Event, fieldReader, readField, type Scalar } from '../../core/index.ts';
import { scalarToString } from '../value/number.ts';

/** The lower-cased text values of one field of the current event ([] when absent). */
export type LoweredReader = (event: Event) => readonly string[];

const NONE: readonly string[] = [];

/**
 * Caches by event identity and by the value itself: a search over one event runs synchronously,
 * so the last event seen is the current one, and a changed value is noticed.
 */
export function createLoweredReader(field: string): LoweredReader {
  let lastEvent: Event | undefined;
  let lastValue: unknown;
  let lastLowered: readonly string[] = NONE;
  const read = fieldReader(field);
  return (event) => {
    const value = read(event);
    if (event === lastEvent && value === lastValue) return lastLowered;
    lastEvent = event;
    lastValue = value;
    if (value === undefined) lastLowered = NONE;
    else if (typeof value === 'object')
      lastLowered = value.map((v: Scalar) => scalarToString(v).toLowerCase());
    else lastLowered = [scalarToString(value).toLowerCase()];
    return lastLowered;
  };
}

/** The text values of a field as they are (for CASE() and ordering comparisons). */
export function textValues(event: Event, field: string): readonly string[] {
  const value = readField(event, field);
  if (value === undefined) return NONE;
  if (typeof value === 'object') return value.map(scalarToString);
  return [scalarToString(value)];
}
