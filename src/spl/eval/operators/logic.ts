// Boolean operators with three-valued logic: null is "unknown", as in SQL.
import type { EvalValue } from '../../value/eval-value.ts';

/** A boolean operand: `true`/`false`, anything else (null, a string, a number) is unknown. */
function truth(value: EvalValue): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** false AND x = false; true AND null = null. */
export function and(left: EvalValue, right: () => EvalValue): EvalValue {
  const a = truth(left);
  if (a === false) return false;
  const b = truth(right());
  if (b === false) return false;
  return a === true && b === true ? true : undefined;
}

/** true OR x = true; false OR null = null. */
export function or(left: EvalValue, right: () => EvalValue): EvalValue {
  const a = truth(left);
  if (a === true) return true;
  const b = truth(right());
  if (b === true) return true;
  return a === false && b === false ? false : undefined;
}

export function xor(left: EvalValue, right: EvalValue): EvalValue {
  const a = truth(left);
  const b = truth(right);
  return a === undefined || b === undefined ? undefined : a !== b;
}

/** NOT null = null, so `where NOT x="a"` drops events without x, like `x!="a"`. */
export function not(value: EvalValue): EvalValue {
  const a = truth(value);
  return a === undefined ? undefined : !a;
}
