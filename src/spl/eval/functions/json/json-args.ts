// What the JSON functions share: reading a document argument and typed members.
import type { EvalValue } from '../../../value/eval-value.ts';
import { type Json, parseJson, toJson } from '../../../value/json-value.ts';
import type { CallSite } from '../../eval-types.ts';

/** The JSON document an argument holds: text parsed as JSON, a number as itself. */
export function documentOf(value: EvalValue): Json | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return value;
  const text = typeof value === 'object' ? value[0] : value;
  return typeof text === 'number' ? text : text === undefined ? undefined : parseJson(text);
}

/** For each argument, whether it is a string by type (embedded as a JSON string, never parsed). */
export function typedStrings(site: CallSite): readonly boolean[] {
  return site.args.map((arg) => arg.type === 'string');
}

/** Argument `index` as a JSON member, by the rule of toJson. */
export function memberOf(
  args: readonly EvalValue[],
  typed: readonly boolean[],
  index: number,
): Json {
  return toJson(args[index], typed[index] ?? false);
}
