// `rename a* AS b*`: both sides must hold the same number of wildcards (Search Reference, rename).
import { error } from '../../../core/index.ts';
import type { Command } from '../../ast/command.ts';
import type { AnalysisCheck } from '../check.ts';

function wildcards(name: string): number {
  return name.split('*').length - 1;
}

export const renameWildcardsCheck: AnalysisCheck = {
  name: 'rename-wildcards',
  run(nodes, report) {
    nodes.forEach((node) => {
      const command = node as unknown as Command;
      if (command.kind !== 'Rename') return;
      for (const pair of command.renames) {
        const from = wildcards(pair.from.name);
        const to = wildcards(pair.to.name);
        if (to > 0 && from !== to) {
          report(
            error(
              'SPL120',
              `"${pair.from.name}" has ${from} wildcard(s) but "${pair.to.name}" has ${to}`,
              {
                span: pair.span,
              },
            ),
          );
        }
      }
    });
  },
};
