// Every stats-family aggregation names a known aggregate, with or without an argument as it needs.
import { error } from '../../../core/index.ts';
import type { Aggregation } from '../../ast/commands/stats.ts';
import { lookupAggregate } from '../../eval/aggregates/index.ts';
import { EvalCode } from '../../eval/eval-codes.ts';
import type { AnalysisCheck } from '../check.ts';
import { KNOWN_STATS_FUNCTIONS } from '../known-functions.ts';

export const aggregationsCheck: AnalysisCheck = {
  name: 'aggregations',
  run(nodes, report) {
    nodes.forEach((node) => {
      if (node.kind !== 'Aggregation') return;
      const aggregation = node as Aggregation;
      const spec = lookupAggregate(aggregation.function);
      if (!spec) {
        if (KNOWN_STATS_FUNCTIONS.has(aggregation.function.toLowerCase())) return;
        report(
          error(EvalCode.unknownAggregate, `unknown stats function "${aggregation.function}"`, {
            span: aggregation.functionSpan,
          }),
        );
        return;
      }
      const arity = aggregation.argument ? 1 : 0;
      if (arity < spec.minArgs) {
        report(
          error(
            EvalCode.aggregateArity,
            `${aggregation.function} needs a field: ${aggregation.function}(<field>)`,
            {
              span: aggregation.span,
            },
          ),
        );
      } else if (arity > spec.maxArgs) {
        report(
          error(EvalCode.aggregateArity, `${aggregation.function} takes no argument`, {
            span: aggregation.span,
          }),
        );
      }
    });
  },
};
