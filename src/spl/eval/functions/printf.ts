// printf(format, args...): C-style formatted text (Search Reference, "Conversion functions": %a %A
// %c %d %i %e %E %f %F %g %G %o %s %z %u %x %X %p %%, flags ' - 0 + space #, width and precision
// with `*`). A constant format is parsed once; an unsupported conversion in it is an error.

import { firstScalar } from '../../value/eval-value.ts';
import { scalarToString } from '../../value/number.ts';
import { formatPrintf, type PrintfPiece, parsePrintfFormat } from '../../value/printf-format.ts';
import { capText } from '../../value/value-limits.ts';
import { EvalCode } from '../eval-codes.ts';
import type { CompiledArg, EvalFunctionSpec } from '../eval-types.ts';
import { evaluateArgsThen } from './define.ts';

export const printfFunction: EvalFunctionSpec = {
  name: 'printf',
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'string',
  pure: true,
  summary: "printf(format, args...): C-style formatted text (%d %s %.2f %x %c %a, flags ' - 0 + #)",
  compile: (site) => {
    const formatArg = site.args[0] as CompiledArg;
    const constant = formatArg.constant ? firstScalar(formatArg.constant.value) : undefined;
    let fixed: readonly PrintfPiece[] | undefined;
    if (constant !== undefined) {
      const parsed = parsePrintfFormat(scalarToString(constant));
      if ('unsupported' in parsed) {
        return site.fail(
          EvalCode.badArgument,
          `printf ${parsed.unsupported} is not supported (Search Reference: %C, %S, %n and %<num>$ are not)`,
          formatArg.expr.span,
        );
      }
      fixed = parsed.pieces;
    }
    return evaluateArgsThen(site, ([format, ...rest]) => {
      let pieces = fixed;
      if (pieces === undefined) {
        const text = firstScalar(format);
        if (text === undefined) return undefined;
        const parsed = parsePrintfFormat(scalarToString(text));
        if ('unsupported' in parsed) return undefined;
        pieces = parsed.pieces;
      }
      return capText(formatPrintf(pieces, rest.map(firstScalar)));
    });
  },
};
