// Between JSON arrays and objects, multivalues and text: json_array_to_mv, mv_to_json_array,
// toarray, toobject, tomv, isarray, isobject (Search Reference, "JSON functions", "Conversion
// functions", "Informational functions").
import type { Scalar } from '../../../../core/index.ts';
import type { EvalValue } from '../../../value/eval-value.ts';
import {
  arrayToMultivalue,
  isJsonObject,
  type Json,
  jsonText,
  parseJson,
  parseJsonContainer,
} from '../../../value/json-value.ts';
import { scalarToString } from '../../../value/number.ts';
import type { EvalFunctionSpec } from '../../eval-types.ts';
import { defineValueFunction } from '../define.ts';

function arrayOf(value: EvalValue): readonly Json[] | undefined {
  if (typeof value !== 'string') return undefined;
  const json = parseJsonContainer(value);
  return Array.isArray(json) ? (json as readonly Json[]) : undefined;
}

function isTrue(value: EvalValue): boolean {
  return value === true;
}

/**
 * The values of a multivalue as a JSON array: as strings, or with `infer` each value read as
 * JSON (one pair of quotes removed, `true`, `null`, numbers), null where it is not JSON.
 */
function multivalueToArray(values: readonly Scalar[], infer: boolean): Json[] {
  return values.map((v) => {
    const text = scalarToString(v);
    if (!infer) return text;
    const json = parseJson(text);
    return json === undefined ? null : json;
  });
}

function valuesOf(value: EvalValue): readonly Scalar[] | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  return typeof value === 'object' ? value : [value];
}

const jsonArrayToMvFunction = defineValueFunction({
  name: 'json_array_to_mv',
  minArgs: 1,
  maxArgs: 2,
  returns: 'any',
  summary: 'json_array_to_mv(array[, keep_quotes]): a JSON array as a multivalue',
  apply: ([x, keep]) => {
    const array = arrayOf(x);
    return array === undefined ? undefined : arrayToMultivalue(array, isTrue(keep));
  },
});

const mvToJsonArrayFunction = defineValueFunction({
  name: 'mv_to_json_array',
  minArgs: 1,
  maxArgs: 2,
  returns: 'any',
  summary: 'mv_to_json_array(mv[, infer_types]): a multivalue as a JSON array',
  apply: ([x, infer]) => {
    const values = valuesOf(x);
    return values === undefined ? undefined : jsonText(multivalueToArray(values, isTrue(infer)));
  },
});

const toarrayFunction = defineValueFunction({
  name: 'toarray',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'toarray(X): a multivalue or JSON-array text as a JSON array, else null',
  apply: ([x]) => {
    if (x !== undefined && typeof x === 'object') return jsonText(multivalueToArray(x, true));
    const array = arrayOf(x);
    return array === undefined ? undefined : jsonText(array);
  },
});

const toobjectFunction = defineValueFunction({
  name: 'toobject',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'toobject(X): JSON-object text as a JSON object, else null',
  apply: ([x]) => {
    if (typeof x !== 'string') return undefined;
    const json = parseJsonContainer(x);
    return isJsonObject(json) ? jsonText(json) : undefined;
  },
});

const tomvFunction = defineValueFunction({
  name: 'tomv',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'tomv(X): a multivalue as it is, a JSON array as a multivalue, else null',
  apply: ([x]) => {
    if (x !== undefined && typeof x === 'object') return x;
    const array = arrayOf(x);
    return array === undefined ? undefined : arrayToMultivalue(array, false);
  },
});

const isarrayFunction = defineValueFunction({
  name: 'isarray',
  minArgs: 1,
  maxArgs: 1,
  returns: 'boolean',
  summary: 'isarray(X): true when X is a JSON array',
  apply: ([x]) => arrayOf(x) !== undefined,
});

const isobjectFunction = defineValueFunction({
  name: 'isobject',
  minArgs: 1,
  maxArgs: 1,
  returns: 'boolean',
  summary: 'isobject(X): true when X is a valid JSON object',
  apply: ([x]) => typeof x === 'string' && isJsonObject(parseJsonContainer(x)),
});

export const jsonConvertFunctions: readonly EvalFunctionSpec[] = [
  jsonArrayToMvFunction,
  mvToJsonArrayFunction,
  toarrayFunction,
  toobjectFunction,
  tomvFunction,
  isarrayFunction,
  isobjectFunction,
];
