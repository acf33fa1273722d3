// JSON functions that build or inspect documents: json_object, json_array, json, json_valid,
// json_keys, json_entries, json_has_key_exact (Search Reference, "JSON functions").
import {
  isJsonObject,
  type Json,
  jsonText,
  keyText,
  parseJson,
} from '../../../value/json-value.ts';
import { EvalCode } from '../../eval-codes.ts';
import type { EvalFunctionSpec } from '../../eval-types.ts';
import { defineValueFunction, evaluateArgsThen } from '../define.ts';
import { documentOf, memberOf, typedStrings } from './json-args.ts';

const jsonObjectFunction: EvalFunctionSpec = {
  name: 'json_object',
  minArgs: 0,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  pure: true,
  summary: 'json_object(key, value, ...): a JSON object from key-value pairs',
  compile: (site) => {
    if (site.args.length % 2 === 1) {
      return site.fail(
        EvalCode.arity,
        'json_object() takes key-value pairs: an even number of arguments',
      );
    }
    const typed = typedStrings(site);
    return evaluateArgsThen(site, (args) => {
      const object: Record<string, Json> = {};
      for (let i = 0; i < args.length; i += 2) {
        const key = keyText(args[i]);
        if (key === undefined) return undefined;
        object[key] = memberOf(args, typed, i + 1);
      }
      return jsonText(object);
    });
  },
};

const jsonArrayFunction: EvalFunctionSpec = {
  name: 'json_array',
  minArgs: 0,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  pure: true,
  summary: 'json_array(value, ...): a JSON array of the values',
  compile: (site) => {
    const typed = typedStrings(site);
    return evaluateArgsThen(site, (args) => jsonText(args.map((_, i) => memberOf(args, typed, i))));
  },
};

const jsonFunction = defineValueFunction({
  name: 'json',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'json(X): X when it is JSON, else null',
  apply: ([x]) => (documentOf(x) === undefined ? undefined : x),
});

const jsonValidFunction = defineValueFunction({
  name: 'json_valid',
  minArgs: 1,
  maxArgs: 1,
  returns: 'boolean',
  summary: 'json_valid(X): true when X is valid JSON',
  apply: ([x]) => typeof x === 'string' && parseJson(x) !== undefined,
});

const jsonKeysFunction = defineValueFunction({
  name: 'json_keys',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'json_keys(object): the keys of a JSON object as a JSON array',
  apply: ([x]) => {
    const doc = documentOf(x);
    return isJsonObject(doc) ? jsonText(Object.keys(doc)) : undefined;
  },
});

const jsonEntriesFunction = defineValueFunction({
  name: 'json_entries',
  minArgs: 1,
  maxArgs: 1,
  returns: 'any',
  summary: 'json_entries(object): [{"key":..,"value":..}, ...] for the top-level members',
  apply: ([x]) => {
    const doc = documentOf(x);
    if (!isJsonObject(doc)) return undefined;
    return jsonText(Object.entries(doc).map(([key, value]) => ({ key, value })));
  },
});

const jsonHasKeyExactFunction = defineValueFunction({
  name: 'json_has_key_exact',
  minArgs: 2,
  maxArgs: 2,
  returns: 'boolean',
  summary: 'json_has_key_exact(object, key): true when the object has the key, dots included',
  apply: ([x, k]) => {
    const doc = documentOf(x);
    const key = keyText(k);
    return isJsonObject(doc) && key !== undefined && Object.hasOwn(doc, key);
  },
});

export const jsonBuildFunctions: readonly EvalFunctionSpec[] = [
  jsonObjectFunction,
  jsonArrayFunction,
  jsonFunction,
  jsonValidFunction,
  jsonKeysFunction,
  jsonEntriesFunction,
  jsonHasKeyExactFunction,
];
