// `rex mode=sed` takes a sed expression, `s/regex/replacement/flags` or `y/from/to/`
// (Search Reference, rex: "mode=sed").
import { error, warning } from '../../../core/index.ts';
import type { Command } from '../../ast/command.ts';
import type { AnalysisCheck } from '../check.ts';

export const rexSedCheck: AnalysisCheck = {
  name: 'rex-sed',
  run(nodes, report) {
    nodes.forEach((node) => {
      const command = node as unknown as Command;
      if (command.kind !== 'Rex' || command.options.mode?.value !== 'sed') return;
      const expression = command.pattern.value;
      if (!/^[sy](.).*\1.*\1[gi\d]*$/s.test(expression)) {
        report(
          error('SPL140', 'mode=sed needs a sed expression such as "s/old/new/g" or "y/abc/xyz/"', {
            span: command.pattern.span,
          }),
        );
      }
      if (command.options.max_match) {
        report(
          warning('SPL141', 'max_match is ignored with mode=sed', {
            span: command.options.max_match.span,
          }),
        );
      }
    });
  },
};
