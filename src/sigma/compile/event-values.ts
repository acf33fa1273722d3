// How Sigma reads event fields: every value as text, multivalue fields value by value.
import { type Event, type MaybeValue, METADATA_FIELDS, type Scalar } from '../../core/index.ts';

export function textOf(value: Scalar): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * The field's value. Events are plain objects: what a name such as `toString`, `constructor` or
 * `__proto__` reaches on an event without that field is an inherited function or object, no field
 * value (strings, numbers and arrays of them). Views (withSigmaFieldNames) inherit their event's
 * fields, so the test is on the value's type, not on own properties.
 */
export function fieldValue(event: Event, field: string): MaybeValue {
  const raw = event[field];
  return typeof raw === 'string' || typeof raw === 'number' || Array.isArray(raw) ? raw : undefined;
}

/** Calls `test` on each value of the field as text until it returns true. */
export function someValue(event: Event, field: string, test: (text: string) => boolean): boolean {
  const raw = event[field];
  if (raw === undefined) return false;
  if (typeof raw === 'string') return test(raw);
  if (typeof raw === 'number') return test(String(raw));
  // An inherited member (`toString`, `__proto__`) is not a field: see fieldValue.
  if (!Array.isArray(raw)) return false;
  for (const v of raw) if (test(textOf(v))) return true;
  return false;
}

/** Keyword searches: any value of any content field. */
export function someEventValue(event: Event, test: (text: string) => boolean): boolean {
  for (const field in event) {
    if (METADATA_FIELDS.has(field)) continue;
    if (someValue(event, field, test)) return true;
  }
  return false;
}
