// JSON functions that change a document (a new one is returned): json_set, json_set_exact,
// json_append, json_extend, json_delete (Search Reference, "JSON functions").

import type { EvalValue } from '../../../value/eval-value.ts';
import { type PathStep, parseJsonPath, selectPath, updatePath } from '../../../value/json-path.ts';
import { isJsonObject, type Json, jsonText, keyText } from '../../../value/json-value.ts';
import { EvalCode } from '../../eval-codes.ts';
import type { EvalFunctionSpec } from '../../eval-types.ts';
import { evaluateArgsThen } from '../define.ts';
import { documentOf, memberOf, typedStrings } from './json-args.ts';

type Change = (doc: Json, steps: readonly PathStep[], value: Json) => Json;

/** A function of a document and path-value pairs, applied left to right. */
function pairwise(name: string, summary: string, exact: boolean, change: Change): EvalFunctionSpec {
  return {
    name,
    minArgs: 3,
    maxArgs: Number.POSITIVE_INFINITY,
    returns: 'any',
    pure: true,
    summary,
    compile: (site) => {
      if (site.args.length % 2 === 0) {
        return site.fail(EvalCode.arity, `${name}() takes a document and path-value pairs`);
      }
      const typed = typedStrings(site);
      return evaluateArgsThen(site, (args) => {
        let doc = documentOf(args[0]);
        if (doc === undefined || doc === null || typeof doc !== 'object') return undefined;
        for (let i = 1; i < args.length; i += 2) {
          const steps = stepsOf(args[i], exact);
          if (steps === undefined) continue;
          doc = change(doc, steps, memberOf(args, typed, i + 1));
        }
        return jsonText(doc);
      });
    },
  };
}

function stepsOf(path: EvalValue, exact: boolean): readonly PathStep[] | undefined {
  const text = keyText(path);
  if (text === undefined) return undefined;
  return exact ? [{ kind: 'key', key: text }] : parseJsonPath(text);
}

const set: Change = (doc, steps, value) => updatePath(doc, steps, () => value);

/** Only where the path leads to a value: a scalar or object there is wrapped in an array first. */
function appendAt(doc: Json, steps: readonly PathStep[], values: readonly Json[]): Json {
  if (selectPath(doc, steps).length === 0) return doc;
  return updatePath(doc, steps, (old) => {
    if (old === undefined) return old;
    return Array.isArray(old) ? [...(old as Json[]), ...values] : [old, ...values];
  });
}

const jsonDeleteFunction: EvalFunctionSpec = {
  name: 'json_delete',
  minArgs: 2,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'any',
  pure: true,
  summary: 'json_delete(object, key, ...): the object without those keys (dots reach nested keys)',
  compile: (site) =>
    evaluateArgsThen(site, ([object, ...keys]) => {
      let doc = documentOf(object);
      if (!isJsonObject(doc)) return undefined;
      for (const key of keys) {
        const steps = stepsOf(key, false);
        // "Array indexing is not supported": only key paths delete.
        if (steps === undefined || steps.some((s) => s.kind !== 'key')) continue;
        doc = updatePath(doc, steps, () => undefined) as Json;
      }
      return jsonText(doc as Json);
    }),
};

export const jsonUpdateFunctions: readonly EvalFunctionSpec[] = [
  pairwise(
    'json_set',
    'json_set(json, path, value, ...): values set at paths, missing keys created',
    false,
    set,
  ),
  pairwise(
    'json_set_exact',
    'json_set_exact(json, key, value, ...): values set at literal keys',
    true,
    set,
  ),
  pairwise(
    'json_append',
    'json_append(json, path, value, ...): each value appended to the array at its path',
    false,
    (doc, steps, value) => appendAt(doc, steps, [value]),
  ),
  pairwise(
    'json_extend',
    'json_extend(json, path, array, ...): the elements of each array appended at its path',
    false,
    (doc, steps, value) => (Array.isArray(value) ? appendAt(doc, steps, value as Json[]) : doc),
  ),
  jsonDeleteFunction,
];
