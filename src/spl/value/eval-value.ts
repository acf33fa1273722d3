// The values an eval expression computes: field values plus booleans, which only eval sees.
import type { MaybeValue, Scalar } from '../../core/index.ts';

/**
 * A field value (string, number, multivalue list of ≥ 2, `undefined` = null) or a boolean.
 * Booleans come from comparisons and predicates (`like`, `isnull`, ...); Splunk never stores
 * them in a field ("The result of an eval statement is not allowed to be boolean", Search
 * Reference, where/eval), so they live only inside an expression.
 */
export type EvalValue = Scalar | readonly Scalar[] | boolean | undefined;

/** The static type of an expression, as far as the compiler can tell before running it. */
export type EvalType = 'boolean' | 'number' | 'string' | 'multivalue' | 'null' | 'any';

/**
 * The single value a scalar function works on. A multivalue argument gives its first value,
 * which is what Splunk's one-value functions (`lower`, `len`, `tonumber`, ...) do with one.
 * A boolean gives `undefined`: it has no field value.
 */
export function firstScalar(value: EvalValue): Scalar | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (typeof value === 'object') return value[0];
  return value;
}

/** An eval result as something a field can hold; booleans are not (see EvalValue). */
export function toFieldValue(value: EvalValue): MaybeValue {
  return typeof value === 'boolean' ? undefined : value;
}

/** `true` when the value is the boolean `true`: what `where` keeps and `if`/`case` take. */
export function isTrue(value: EvalValue): boolean {
  return value === true;
}
