// A by-clause names concrete fields: no wildcards (Search Reference, stats: "<field-list>").
import { error, warning } from '../../../core/index.ts';
import type { ByClause } from '../../ast/common.ts';
import type { AnalysisCheck } from '../check.ts';

export const byClausesCheck: AnalysisCheck = {
  name: 'by-clauses',
  run(nodes, report) {
    nodes.forEach((node) => {
      if (node.kind !== 'ByClause') return;
      const seen = new Set<string>();
      for (const field of (node as ByClause).fields) {
        if (field.name.includes('*')) {
          report(
            error('SPL111', `a by-clause cannot hold a wildcard: "${field.name}"`, {
              span: field.span,
            }),
          );
        } else if (seen.has(field.name)) {
          report(
            warning('SPL112', `"${field.name}" appears twice in the by-clause`, {
              span: field.span,
            }),
          );
        }
        seen.add(field.name);
      }
    });
  },
};
