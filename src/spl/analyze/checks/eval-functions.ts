// Every eval/where function call names a known function with an accepted number of arguments.
import { error } from '../../../core/index.ts';
import type { Expr } from '../../ast/expr.ts';
import { EvalCode } from '../../eval/eval-codes.ts';
import { lookupFunction } from '../../eval/functions/index.ts';
import { closestName } from '../../parser/closest-name.ts';
import type { AnalysisCheck } from '../check.ts';
import { KNOWN_EVAL_FUNCTIONS } from '../known-functions.ts';

function describeArity(min: number, max: number): string {
  if (min === max) return `${min}`;
  if (max === Number.POSITIVE_INFINITY) return `at least ${min}`;
  return `${min} to ${max}`;
}

export const evalFunctionsCheck: AnalysisCheck = {
  name: 'eval-functions',
  run(nodes, report) {
    nodes.forEach((node) => {
      const expr = node as unknown as Expr;
      if (expr.kind !== 'Call') return;
      const spec = lookupFunction(expr.name);
      if (!spec) {
        if (KNOWN_EVAL_FUNCTIONS.has(expr.name.toLowerCase())) return;
        const near = closestName(expr.name, KNOWN_EVAL_FUNCTIONS);
        report(
          error(EvalCode.unknownFunction, `unknown eval function "${expr.name}"`, {
            span: expr.nameSpan,
            ...(near ? { notes: [{ message: `did you mean "${near}"?` }] } : {}),
          }),
        );
        return;
      }
      const count = expr.args.length;
      if (count < spec.minArgs || count > spec.maxArgs) {
        report(
          error(
            EvalCode.arity,
            `${expr.name}() takes ${describeArity(spec.minArgs, spec.maxArgs)} argument(s), got ${count}`,
            { span: expr.span },
          ),
        );
      }
    });
  },
};
