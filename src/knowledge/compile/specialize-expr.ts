// An eval expression specialised to fields of known value: they become literals, and the case()/if() branches they decide are pruned.
import type { Span } from '../../core/index.ts';
import { type CallExpr, compileExpr, type Expr } from '../../spl/index.ts';

/**
 * Add-on calculated fields are mostly `case(EventCode==1, a, EventCode IN (8, 10), b, ...)`; for
 * events of one event code all but one branch are dead. Replacing the known field by its value
 * lets the branches be decided once instead of per event. The result computes the same value as
 * `expr` for every event whose known fields have those values (a string literal and a field
 * holding the same text compare alike in eval).
 */
export function specializeExpr(expr: Expr, known: ReadonlyMap<string, string>): Expr {
  switch (expr.kind) {
    case 'String':
    case 'Number':
      return expr;
    case 'Field': {
      const value = known.get(expr.name);
      return value === undefined ? expr : { kind: 'String', value, span: expr.span };
    }
    case 'Unary':
      return { ...expr, operand: specializeExpr(expr.operand, known) };
    case 'Binary':
      return {
        ...expr,
        left: specializeExpr(expr.left, known),
        right: specializeExpr(expr.right, known),
      };
    case 'In':
      return {
        ...expr,
        operand: specializeExpr(expr.operand, known),
        values: expr.values.map((v) => specializeExpr(v, known)),
      };
    case 'Array':
      return { ...expr, elements: expr.elements.map((e) => specializeExpr(e, known)) };
    case 'Object':
      return {
        ...expr,
        members: expr.members.map((m) => ({ ...m, value: specializeExpr(m.value, known) })),
      };
    case 'Call': {
      const call: CallExpr = { ...expr, args: expr.args.map((a) => specializeExpr(a, known)) };
      const name = call.name.toLowerCase();
      if (name === 'case' && call.args.length % 2 === 0) return pruneCase(call);
      if (name === 'if' && call.args.length === 3) return pruneIf(call);
      return call;
    }
  }
}

/** case(c1, v1, c2, v2, ...): the first branch whose condition is true gives the value, else null. */
function pruneCase(call: CallExpr): Expr {
  const kept: Expr[] = [];
  for (let i = 0; i < call.args.length; i += 2) {
    const condition = call.args[i] as Expr;
    const value = call.args[i + 1] as Expr;
    const decided = constantOf(condition);
    if (decided === 'unknown') {
      kept.push(condition, value);
    } else if (decided === true) {
      if (kept.length === 0) return value;
      kept.push(condition, value);
      break;
    }
  }
  return kept.length === 0 ? nullCall(call.span) : { ...call, args: kept };
}

/** if(c, a, b): `a` when c is true, else `b` (Search Reference, if). */
function pruneIf(call: CallExpr): Expr {
  const [condition, whenTrue, whenFalse] = call.args as [Expr, Expr, Expr];
  const decided = constantOf(condition);
  if (decided === 'unknown') return call;
  return decided === true ? whenTrue : whenFalse;
}

/** The value of a condition that folds to a constant: true, or false for any other value. */
function constantOf(condition: Expr): boolean | 'unknown' {
  const compiled = compileExpr(condition);
  if (!compiled.ok || compiled.value.constant === undefined) return 'unknown';
  return compiled.value.constant.value === true;
}

function nullCall(span: Span): Expr {
  return { kind: 'Call', name: 'null', args: [], nameSpan: span, span };
}
