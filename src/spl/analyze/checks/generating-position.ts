// Generating commands (tstats, inputlookup, makeresults, from, datamodel) come first, after `|`.
import { error } from '../../../core/index.ts';
import type { Pipeline } from '../../ast/pipeline.ts';
import type { AnalysisCheck } from '../check.ts';

const GENERATING = new Set(['Tstats', 'Makeresults', 'From', 'Datamodel']);

/**
 * `inputlookup append=t` and `tstats append=t` may follow other commands (Search Reference,
 * inputlookup and tstats: append); without it they must start the pipeline.
 */
function appends(command: { readonly options?: unknown }): boolean {
  const options = command.options as { append?: { value?: unknown } } | undefined;
  return options?.append?.value === true;
}

export const generatingPositionCheck: AnalysisCheck = {
  name: 'generating-position',
  run(nodes, report) {
    nodes.forEach((node) => {
      if (node.kind !== 'Pipeline') return;
      (node as Pipeline).commands.forEach((command, index) => {
        const generating = GENERATING.has(command.kind) || command.kind === 'Inputlookup';
        if (!generating || index === 0 || appends(command as { options?: unknown })) return;
        report(
          error(
            'SPL130',
            `${command.name} is a generating command: it must come first, after "|"`,
            {
              span: command.nameSpan,
            },
          ),
        );
      });
    });
  },
};
