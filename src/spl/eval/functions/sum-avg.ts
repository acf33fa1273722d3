// avg(values...) and sum(values...): over every numeric value of the arguments (each value of a
// multivalue counts); values that are absent or not numbers are skipped, but a quoted string
// written as an argument is an error (Search Reference, "Statistical eval functions", avg, and
// "Mathematical functions", sum: avg(1, 2, "3") fails, avg(a, 2, 3) with a="somedata" is 2.5).
import { scalarToNumber } from '../../value/number.ts';
import { EvalCode } from '../eval-codes.ts';
import type { EvalFunctionSpec } from '../eval-types.ts';
import { evaluateArgsThen } from './define.ts';

function numericFold(
  name: 'avg' | 'sum',
  summary: string,
  result: (total: number, count: number) => number,
): EvalFunctionSpec {
  return {
    name,
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    returns: 'number',
    pure: true,
    summary,
    compile: (site) => {
      for (const arg of site.args) {
        if (arg.type === 'string') {
          site.fail(
            EvalCode.badArgument,
            `${name}() takes numbers and fields; a quoted string is not a number (use tonumber())`,
            arg.expr.span,
          );
        }
      }
      return evaluateArgsThen(site, (args) => {
        let total = 0;
        let count = 0;
        for (const arg of args) {
          if (arg === undefined || typeof arg === 'boolean') continue;
          for (const value of typeof arg === 'object' ? arg : [arg]) {
            const n = scalarToNumber(value);
            if (n === undefined) continue;
            total += n;
            count++;
          }
        }
        return count === 0 ? undefined : result(total, count);
      });
    },
  };
}

export const avgFunction = numericFold(
  'avg',
  'avg(X, ...): the mean of every numeric value of the arguments',
  (total, count) => total / count,
);

export const sumFunction = numericFold(
  'sum',
  'sum(X, ...): the sum of every numeric value of the arguments',
  (total) => total,
);
