// Small builders of compiled expression nodes, shared by the expression compiler's parts.
import type { Expr } from '../ast/expr.ts';
import type { EvalType, EvalValue } from '../value/eval-value.ts';
import type { CompiledArg, CompiledExpr } from './eval-types.ts';

/** A node whose value is known when compiled. */
export function constantArg(expr: Expr, value: EvalValue, type: EvalType): CompiledArg {
  return { expr, evaluate: () => value, type, fields: new Set(), constant: { value } };
}

/** The fields any of `args` reads. */
export function unionFields(args: readonly CompiledExpr[]): ReadonlySet<string> {
  const fields = new Set<string>();
  for (const arg of args) for (const f of arg.fields) fields.add(f);
  return fields;
}
