// The one place strings are copied: events and rows that outlive a batch get strings of their own,
// so what a search, a finding or a correlation holds never pins the readers' text.
import {
  type Event,
  type FieldValue,
  type MaybeValue,
  readField,
  type SharedEvent,
  writeField,
} from '../../core/index.ts';
import type { FieldNeed } from '../../spl/index.ts';

/**
 * V8 makes a substring of 13 or more characters a view into its parent string, and a view keeps
 * the whole parent alive. Readers cut field values out of 32 Ki-character pieces of decoded
 * input, so each row a blocking command holds (`sort`, `stats values()`, a seed search that
 * returns every VS Code process) would pin a piece: tens of kilobytes per row, growing with the
 * input. Concatenating then slicing makes V8 flatten the value into a new string first, so the
 * copy points at that and no longer at the piece.
 */
const VIEW_LENGTH = 13;

function ownText(value: string): string {
  return value.length >= VIEW_LENGTH ? ` ${value}`.slice(1) : value;
}

function ownValue(value: FieldValue): FieldValue {
  if (typeof value === 'string') return ownText(value);
  if (typeof value === 'number') return value;
  return value.map((v) => (typeof v === 'string' ? ownText(v) : v));
}

/**
 * Gives `fields` of an event the pump still owns (no consumer has seen it) strings of their own,
 * in place; `undefined` = every field.
 */
export function ownStrings(event: Event, fields: readonly string[] | undefined): void {
  if (fields === undefined) {
    for (const name of Object.keys(event)) own(event, name);
    return;
  }
  for (let i = 0; i < fields.length; i++) own(event, fields[i] as string);
}

function own(event: Event, name: string): void {
  const value = readField(event, name);
  if (value === undefined || typeof value === 'number') return;
  if (typeof value === 'string' && value.length < VIEW_LENGTH) return;
  writeField(event, name, ownValue(value));
}

/** The field list `ownStrings` walks: the fields read, or undefined for all of them. */
export function ownedFields(need: FieldNeed): readonly string[] | undefined {
  return need === 'all' ? undefined : [...need];
}

/** A copy of a shared event or row, every string its own: for what is kept past its batch. */
export function ownedCopy(event: SharedEvent): Event {
  // A spread copies the object's shape at once (own enumerable properties, `__proto__` as data,
  // in the same order); then only the values that need a string of their own are replaced. Field
  // by field writes into an empty object cost a dictionary-store per field, for every matched event.
  const copy = { ...event } as Record<string, MaybeValue>;
  let absent = false;
  for (const name in copy) {
    const value = copy[name];
    if (value === undefined) absent = true;
    else if (typeof value === 'string') {
      if (value.length >= VIEW_LENGTH) copy[name] = ` ${value}`.slice(1);
    } else if (typeof value !== 'number') copy[name] = ownValue(value);
  }
  if (absent) {
    for (const name of Object.keys(copy)) if (copy[name] === undefined) delete copy[name];
  }
  return copy as Event;
}
