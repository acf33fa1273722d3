// Calculated fields that give back their own field's value when it has one: answered without running the expression.
import { type Event, fieldReader, type MaybeValue } from '../../../core/index.ts';
import type { Expr } from '../../../spl/index.ts';

/**
 * Most CIM calculations fill a gap and otherwise return the field as it is:
 * `if(isnull(F) OR F="", "unknown", F)`, `case(isnotnull(F) AND F!="", F, ...)`,
 * `case(isnotnull(F), F, ...)`. For an event whose F is one non-empty value (nearly every
 * event) the answer is F itself; the expression runs only for the others. Recognised on the
 * parsed expression, so the general evaluator stays the definition (tested equal).
 */
export function withPassThrough(
  expr: Expr,
  general: (row: Event) => MaybeValue,
): (row: Event) => MaybeValue {
  const pass = passThroughOf(expr);
  if (pass === undefined) return general;
  const { field, excluded } = pass;
  const read = fieldReader(field);
  return (row) => {
    const value = read(row);
    if (typeof value === 'number' || (typeof value === 'string' && !excluded.includes(value))) {
      return value;
    }
    return general(row);
  };
}

interface PassThrough {
  readonly field: string;
  /** Values for which the expression does not return the field (`""`, `"-"`). */
  readonly excluded: readonly string[];
}

function passThroughOf(expr: Expr): PassThrough | undefined {
  if (expr.kind !== 'Call') return undefined;
  const name = expr.name.toLowerCase();
  if (name === 'if' && expr.args.length === 3) {
    const [condition, , result] = expr.args as [Expr, Expr, Expr];
    if (result.kind !== 'Field') return undefined;
    const excluded = emptyTests(condition, result.name);
    return excluded === undefined ? undefined : { field: result.name, excluded };
  }
  if (name === 'case' && expr.args.length >= 2) {
    const [condition, result] = expr.args as [Expr, Expr];
    if (result.kind !== 'Field') return undefined;
    const field = result.name;
    if (isCall(condition, 'isnotnull', field)) return { field, excluded: [] };
    if (
      condition.kind === 'Binary' &&
      condition.op === 'AND' &&
      isCall(condition.left, 'isnotnull', field) &&
      isComparison(condition.right, '!=', field) === ''
    ) {
      return { field, excluded: [''] };
    }
  }
  return undefined;
}

/** `isnull(F) OR F="" [OR F="-"]`: the texts it tests F against, or undefined for anything else. */
function emptyTests(condition: Expr, field: string): string[] | undefined {
  if (isCall(condition, 'isnull', field)) return [];
  if (condition.kind !== 'Binary' || condition.op !== 'OR') return undefined;
  const left = emptyTests(condition.left, field);
  const text = isComparison(condition.right, '=', field);
  return left === undefined || text === undefined ? undefined : [...left, text];
}

function isCall(expr: Expr, name: string, field: string): boolean {
  return (
    expr.kind === 'Call' &&
    expr.name.toLowerCase() === name &&
    expr.args.length === 1 &&
    expr.args[0]?.kind === 'Field' &&
    expr.args[0].name === field
  );
}

/** `F="<text>"` (or `F!=`): the text, or undefined. */
function isComparison(expr: Expr, op: '=' | '!=', field: string): string | undefined {
  if (expr.kind !== 'Binary' || expr.op !== op) return undefined;
  if (expr.left.kind !== 'Field' || expr.left.name !== field) return undefined;
  return expr.right.kind === 'String' ? expr.right.value : undefined;
}
