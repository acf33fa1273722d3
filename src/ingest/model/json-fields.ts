// JSON values as event fields, named the way Splunk's JSON extraction (spath) names them.
import { type Event, type Scalar, writeField } from '../../core/index.ts';
import { addFieldValue } from './add-field-value.ts';

/** A JSON value as `JSON.parse` returns it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON scalar as field text: numbers in JavaScript's shortest form (`1.0` becomes `1`), booleans
 * as `true`/`false`. Null is absent (SPL null). Objects and arrays have no scalar form.
 */
export function jsonScalarText(value: JsonValue | undefined): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
      return String(value);
    default:
      return undefined;
  }
}

/** Deeper nesting is refused: `JSON.parse` builds any depth, but walking it would overflow the stack. */
const MAX_JSON_DEPTH = 100;

/** Thrown for a record nested deeper than `MAX_JSON_DEPTH`; the reader skips that record. */
export class JsonTooDeepError extends Error {
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.name = 'JsonTooDeepError';
  }
}

/** Whether `value` nests deeper than `MAX_JSON_DEPTH` (measured without recursion, for callers that walk it). */
export function jsonTooDeep(value: JsonValue): boolean {
  const pending: { value: JsonValue; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: v, depth } = next;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return true;
    const items = Array.isArray(v) ? v : Object.values(v);
    for (const item of items) pending.push({ value: item as JsonValue, depth: depth + 1 });
  }
  return false;
}

/**
 * Adds `value` under `name` as spath does: an object's members as `name.member`, an array's
 * elements as the multivalue `name{}` (objects inside arrays as `name{}.member`), null as nothing.
 */
export function addJsonField(event: Event, name: string, value: JsonValue, depth = 0): void {
  if (value === null) return;
  if (depth > MAX_JSON_DEPTH) throw new JsonTooDeepError();
  if (Array.isArray(value)) {
    for (const element of value) addJsonField(event, `${name}{}`, element, depth + 1);
    return;
  }
  if (typeof value === 'object') {
    for (const key of Object.keys(value)) {
      addJsonField(event, `${name}.${key}`, value[key] as JsonValue, depth + 1);
    }
    return;
  }
  addFieldValue(event, name, jsonScalarText(value) as Scalar);
}

/**
 * Turns a parsed JSON object into event fields in place: scalars become text, nested values are
 * flattened with `addJsonField`. In place because the object is fresh from `JSON.parse` and
 * copying it would cost as much as parsing it (docs/inputs.md, "JSON lines" performance).
 */
export function flattenJsonObject(object: JsonObject): Event {
  let nested: string[] | undefined;
  for (const key in object) {
    const value = object[key];
    if (typeof value === 'string') continue;
    if (typeof value === 'number' || typeof value === 'boolean') {
      writeField(object as Event, key, String(value));
    } else if (value === null) {
      delete object[key];
    } else {
      nested ??= [];
      nested.push(key);
    }
  }
  if (nested === undefined) return object as Event;
  for (const key of nested) {
    const value = object[key] as JsonValue;
    delete object[key];
    addJsonField(object as Event, key, value);
  }
  return object as Event;
}
