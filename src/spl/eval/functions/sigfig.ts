// sigfig(X): X rounded to the precision of the calculation that made it (Search Reference,
// "Mathematical functions", sigfig): `sigfig(1.00*1111)` is 1110, `sigfig(123.0 + 4.567)` 127.6.
import type { Expr } from '../../ast/expr.ts';
import { firstScalar } from '../../value/eval-value.ts';
import { formatNumber, scalarToNumber } from '../../value/number.ts';
import {
  decimalPlaces,
  roundDecimals,
  roundSignificant,
  significantFigures,
} from '../../value/significant-figures.ts';
import type { CallSite, CompiledArg, EvalFunctionSpec, Evaluator } from '../eval-types.ts';

/** How precise an operand is: significant figures (products) or decimal places (sums). */
interface Precision {
  readonly figures: number;
  readonly places: number;
}

type PrecisionOf = (event: Parameters<Evaluator>[0]) => Precision | undefined;

/**
 * The precision of an expression for one event: literals by their digits as written, products
 * by their least precise factor, sums by their least precise term, anything else by the digits
 * of its value.
 */
function precisionOf(site: CallSite, expr: Expr, value: CompiledArg | undefined): PrecisionOf {
  if (expr.kind === 'Number') {
    const text = site.textOf(expr) ?? formatNumber(expr.value);
    const fixed = { figures: significantFigures(text), places: decimalPlaces(text) };
    return () => fixed;
  }
  if (expr.kind === 'Binary' && ['*', '/', '+', '-'].includes(expr.op)) {
    const left = precisionOf(site, expr.left, undefined);
    const right = precisionOf(site, expr.right, undefined);
    return (event) => {
      const a = left(event);
      const b = right(event);
      if (a === undefined || b === undefined) return undefined;
      return { figures: Math.min(a.figures, b.figures), places: Math.min(a.places, b.places) };
    };
  }
  const compiled = value ?? site.compileAgain(expr);
  return (event) => {
    const v = firstScalar(compiled.evaluate(event));
    if (v === undefined) return undefined;
    const text = typeof v === 'number' ? formatNumber(v) : v;
    return { figures: significantFigures(text), places: decimalPlaces(text) };
  };
}

export const sigfigFunction: EvalFunctionSpec = {
  name: 'sigfig',
  minArgs: 1,
  maxArgs: 1,
  returns: 'number',
  pure: true,
  summary: 'sigfig(X): X rounded to the significant figures of the calculation that made it',
  compile: (site) => {
    const arg = site.args[0] as CompiledArg;
    const expr = arg.expr;
    const additive = expr.kind === 'Binary' && (expr.op === '+' || expr.op === '-');
    const precision = precisionOf(site, expr, arg);
    return (event) => {
      const n = scalarToNumber(firstScalar(arg.evaluate(event)));
      if (n === undefined) return undefined;
      const p = precision(event);
      if (p === undefined) return n;
      return additive ? roundDecimals(n, p.places) : roundSignificant(n, p.figures);
    };
  },
};
