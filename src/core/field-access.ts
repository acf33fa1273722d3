// Reading and writing event fields by names that come from input: own properties only.
import type { Event } from './event.ts';
import type { MaybeValue } from './value.ts';

/*
 * Events and rows are plain objects, so a plain read of `toString`, `constructor` or `__proto__`
 * on an event without that field finds the Object.prototype member, and a plain write of
 * `__proto__` changes the object's prototype instead of adding a field. Field names come from
 * searches, rules, props files, lookups and the logs themselves (all attacker-controlled), so
 * every read and write by a name that is not a literal of ours goes through these helpers.
 */

/** A read of one field, chosen once for its name. */
export type FieldReader = (event: Event) => MaybeValue;

/** A write of one field, chosen once for its name. */
export type FieldWriter = (event: Event, value: MaybeValue) => void;

/** True for the names Object.prototype has: `constructor`, `toString`, `__proto__`, ... */
export function isPrototypeName(name: string): boolean {
  return name in Object.prototype;
}

/**
 * The read for a name known before the events: a plain property read for ordinary names (the hot
 * path pays nothing), an own-property read for the names Object.prototype has.
 */
export function fieldReader(name: string): FieldReader {
  if (!isPrototypeName(name)) return (event) => event[name];
  return (event) => (Object.hasOwn(event, name) ? event[name] : undefined);
}

/**
 * Reads a field whose name is only known per event. Field values are strings, numbers or arrays
 * (core/value.ts), so only a value of another type (an inherited function or `__proto__`'s
 * object) or an array needs the own-property check.
 */
export function readField(event: Event, name: string): MaybeValue {
  const value = event[name];
  if (value === undefined || typeof value === 'string' || typeof value === 'number') return value;
  return Array.isArray(value) && Object.hasOwn(event, name) ? value : undefined;
}

/** True when the event has the field (not null). */
export function hasField(event: Event, name: string): boolean {
  return readField(event, name) !== undefined;
}

/**
 * Sets a field (undefined makes it null). `__proto__` is defined as an own property: a plain
 * assignment would change the row's prototype (an array value) or be dropped (a string). Output
 * records built from rows (JSON objects) go through here too.
 */
export function writeField<T>(record: Record<string, T>, name: string, value: NoInfer<T>): void {
  if (name === '__proto__') {
    Object.defineProperty(record, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    record[name] = value;
  }
}

/** The write for a name known before the events: a plain assignment unless it is `__proto__`. */
export function fieldWriter(name: string): FieldWriter {
  if (name !== '__proto__') {
    return (event, value) => {
      event[name] = value;
    };
  }
  return (event, value) => writeField(event, name, value);
}
