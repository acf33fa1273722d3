// A real SPL command spelunk does not model: its argument tokens are kept, spans included.
import type { GenericCommand, GenericToken, Subsearch } from '../../ast/command.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { parseSubsearch } from '../subsearch.ts';

export const parseGeneric: CommandParser = (cursor, header): GenericCommand => {
  const args: (GenericToken | Subsearch)[] = [];
  for (;;) {
    const token = cursor.peek('argument');
    if (token.kind === 'eof') break;
    if (token.kind === 'lbracket') {
      args.push(parseSubsearch(cursor));
      continue;
    }
    cursor.next('argument');
    args.push({
      kind: 'GenericToken',
      text: token.text,
      spaceBefore: token.spaceBefore,
      span: token.span,
    });
  }
  return { kind: 'Generic', ...commandBase(cursor, header), args };
};
