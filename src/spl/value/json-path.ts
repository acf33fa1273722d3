// Paths of the JSON eval functions (Search Reference, "JSON functions"): keys joined by dots,
// `{n}` for the n-th element of an array, `{}` for every element: `{}.Bridges{0}.name`.
import { isJsonObject, type Json, type JsonObject } from './json-value.ts';

export type PathStep =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'each' };

/** Parses a path; undefined when it is not one (an unclosed brace, a bad index). */
export function parseJsonPath(path: string): readonly PathStep[] | undefined {
  const steps: PathStep[] = [];
  for (const part of path === '' ? [] : path.split('.')) {
    const m = /^([^{}]*)((?:\{\d*\})*)$/.exec(part);
    if (!m) return undefined;
    if (m[1] !== '') steps.push({ kind: 'key', key: m[1] as string });
    for (const brace of (m[2] as string).match(/\{\d*\}/g) ?? []) {
      const digits = brace.slice(1, -1);
      steps.push(digits === '' ? { kind: 'each' } : { kind: 'index', index: Number(digits) });
    }
    if (m[1] === '' && m[2] === '') return undefined;
  }
  return steps;
}

/** Whether the path can select several values (it has a `{}`). */
export function selectsMany(steps: readonly PathStep[]): boolean {
  return steps.some((s) => s.kind === 'each');
}

/** Every value the path selects, in document order. `{}` on an object selects the object. */
export function selectPath(json: Json, steps: readonly PathStep[]): Json[] {
  let current: Json[] = [json];
  for (const step of steps) {
    const next: Json[] = [];
    for (const value of current) {
      if (step.kind === 'key') {
        if (isJsonObject(value) && Object.hasOwn(value, step.key))
          next.push(value[step.key] as Json);
      } else if (step.kind === 'index') {
        if (Array.isArray(value) && step.index < value.length) next.push(value[step.index] as Json);
      } else if (Array.isArray(value)) {
        next.push(...(value as Json[]));
      } else if (isJsonObject(value)) {
        next.push(value);
      }
    }
    current = next;
  }
  return current;
}

/**
 * A copy of `json` with the value at the path replaced by `update(old)` (old is undefined where
 * the path ends at a missing key). Missing keys along the path are created as objects; a step
 * that does not fit the document (a key into a string, an index past an array's end) leaves
 * that branch as it was. `update` returning undefined deletes the key.
 */
export function updatePath(
  json: Json,
  steps: readonly PathStep[],
  update: (old: Json | undefined) => Json | undefined,
): Json {
  return updateAt(json, steps, 0, update) ?? json;
}

function updateAt(
  value: Json | undefined,
  steps: readonly PathStep[],
  at: number,
  update: (old: Json | undefined) => Json | undefined,
): Json | undefined {
  if (at === steps.length) return update(value);
  const step = steps[at] as PathStep;
  if (step.kind === 'key') {
    const object: JsonObject | undefined =
      value === undefined ? {} : isJsonObject(value) ? value : undefined;
    if (object === undefined) return value;
    const old = Object.hasOwn(object, step.key) ? object[step.key] : undefined;
    const replaced = updateAt(old, steps, at + 1, update);
    const copy: Record<string, Json> = { ...object };
    if (replaced === undefined) delete copy[step.key];
    else copy[step.key] = replaced;
    return copy;
  }
  if (!Array.isArray(value)) return value;
  const array = value as readonly Json[];
  if (step.kind === 'index') {
    if (step.index >= array.length) return value;
    const copy = [...array];
    const replaced = updateAt(array[step.index], steps, at + 1, update);
    if (replaced === undefined) copy.splice(step.index, 1);
    else copy[step.index] = replaced;
    return copy;
  }
  return array.flatMap((element) => {
    const replaced = updateAt(element, steps, at + 1, update);
    return replaced === undefined ? [] : [replaced];
  });
}
