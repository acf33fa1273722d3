// JSON values in eval: arrays and objects live in fields as their compact JSON text (Splunk 10's
// array and object types print that way); these helpers move between that text, JSON values and
// eval values.
import type { Scalar } from '../../core/index.ts';
import { multivalue } from '../../core/index.ts';
import type { EvalValue } from './eval-value.ts';
import { formatNumber, parseNumber, scalarToString } from './number.ts';

export type Json =
  | null
  | boolean
  | number
  | string
  | readonly Json[]
  | { readonly [key: string]: Json };

export type JsonObject = { readonly [key: string]: Json };

/** Texts longer than this are not parsed as JSON: bounds the work one value can cause. */
const MAX_JSON_TEXT = 1_000_000;

/**
 * JSON nested deeper than this is not read as JSON: JSON.parse builds any depth, but JSON.stringify
 * and every walk of the value recurse, and field values are attacker-controlled.
 */
export const MAX_JSON_NESTING = 100;

/** JSON.parse, refusing (undefined) text longer than 1,000,000 characters or nested too deep. */
export function parseBoundedJson(text: string): unknown {
  if (text.length > MAX_JSON_TEXT || jsonNesting(text) > MAX_JSON_NESTING) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** How deeply brackets and braces nest in JSON text (strings skipped), without parsing it. */
function jsonNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++)
        if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** The JSON a text holds, or undefined when it is not JSON (any JSON: `"a"`, `1`, `[..]`, `{..}`). */
export function parseJson(text: string): Json | undefined {
  return parseBoundedJson(text) as Json | undefined;
}

/** The array or object a text holds (leading spaces allowed), or undefined. */
export function parseJsonContainer(text: string): readonly Json[] | JsonObject | undefined {
  const first = text.trimStart()[0];
  if (first !== '[' && first !== '{') return undefined;
  const json = parseJson(text);
  return json !== null && typeof json === 'object' ? json : undefined;
}

export function isJsonObject(json: Json | undefined): json is JsonObject {
  return json !== null && typeof json === 'object' && !Array.isArray(json);
}

/** Compact JSON text, the way fields hold arrays and objects. */
export function jsonText(json: Json): string {
  return JSON.stringify(json);
}

/**
 * An eval value as a JSON member: a string typed as a string (a literal, a string function) is a
 * JSON string; other text that is a JSON array or object is that array or object, numeric text
 * is a number; a multivalue is an array; booleans stay booleans; null is null.
 */
export function toJson(value: EvalValue, typedString: boolean): Json {
  if (value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'object') return value.map((v) => scalarJson(v, typedString));
  return scalarJson(value, typedString);
}

function scalarJson(value: Scalar, typedString: boolean): Json {
  if (typeof value === 'number') return value;
  if (typedString) return value;
  const container = parseJsonContainer(value);
  if (container !== undefined) return container;
  return parseNumber(value) ?? value;
}

/**
 * A JSON value as Splunk's native value: strings and numbers as they are, booleans as "true" and
 * "false", null as null, arrays and objects as their JSON text.
 */
export function fromJson(json: Json | undefined): EvalValue {
  if (json === undefined || json === null) return undefined;
  if (typeof json === 'boolean') return json ? 'true' : 'false';
  if (typeof json === 'number' || typeof json === 'string') return json;
  return jsonText(json);
}

/** A JSON array's elements as values of a multivalue: strings without their quotes. */
export function arrayToMultivalue(array: readonly Json[], keepQuotes: boolean): EvalValue {
  const values: string[] = [];
  for (const element of array) {
    if (element === null) {
      values.push('null');
    } else if (typeof element === 'string') {
      values.push(keepQuotes ? JSON.stringify(element) : element);
    } else if (typeof element === 'number') {
      values.push(formatNumber(element));
    } else {
      values.push(typeof element === 'boolean' ? String(element) : jsonText(element));
    }
  }
  return multivalue(values);
}

/** Text of a scalar for JSON keys and paths. */
export function keyText(value: EvalValue): string | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  return scalarToString(typeof value === 'object' ? (value[0] as Scalar) : value);
}
