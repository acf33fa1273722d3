// json_extract(json, path...) and json_extract_exact(json, key...): values out of a JSON document
// as Splunk's native values (Search Reference, "JSON functions").

import type { EvalValue } from '../../../value/eval-value.ts';
import { parseJsonPath, selectPath, selectsMany } from '../../../value/json-path.ts';
import { fromJson, isJsonObject, type Json, jsonText, keyText } from '../../../value/json-value.ts';
import type { EvalFunctionSpec } from '../../eval-types.ts';
import { defineValueFunction } from '../define.ts';
import { documentOf } from './json-args.ts';

/** One path's result: the value, an array of values for `{}` paths, or undefined. */
function extractOne(doc: Json, path: EvalValue): Json | undefined {
  const text = keyText(path);
  const steps = text === undefined ? undefined : parseJsonPath(text);
  if (steps === undefined) return undefined;
  const found = selectPath(doc, steps);
  if (selectsMany(steps)) return found.length === 0 ? undefined : found;
  return found[0];
}

const jsonExtractFunction = defineValueFunction({
  name: 'json_extract',
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  summary: 'json_extract(json[, path, ...]): the value at the path ({n} index, {} every element)',
  apply: ([x, ...paths]) => {
    const doc = documentOf(x);
    if (doc === undefined) return undefined;
    if (paths.length === 0) return fromJson(doc);
    if (paths.length === 1) return fromJson(extractOne(doc, paths[0]));
    return jsonText(paths.map((p) => extractOne(doc, p) ?? null));
  },
});

const jsonExtractExactFunction = defineValueFunction({
  name: 'json_extract_exact',
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  summary: 'json_extract_exact(json[, key, ...]): top-level values by literal key (dots kept)',
  apply: ([x, ...keys]) => {
    const doc = documentOf(x);
    if (doc === undefined) return undefined;
    if (keys.length === 0) return fromJson(doc);
    const one = (k: EvalValue): Json | undefined => {
      const key = keyText(k);
      return isJsonObject(doc) && key !== undefined && Object.hasOwn(doc, key)
        ? doc[key]
        : undefined;
    };
    if (keys.length === 1) return fromJson(one(keys[0]));
    return jsonText(keys.map((k) => one(k) ?? null));
  },
});

export const jsonExtractFunctions: readonly EvalFunctionSpec[] = [
  jsonExtractFunction,
  jsonExtractExactFunction,
];
