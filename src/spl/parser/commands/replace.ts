// `replace "<old>" WITH "<new>", ... [IN <fields>]` (Search Reference, replace).
import { span } from '../../../core/index.ts';
import type { FieldName, ReplaceCommand, ReplacePair } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';

export const parseReplace: CommandParser = (cursor, header): ReplaceCommand => {
  const replacements: ReplacePair[] = [];
  do {
    const fromToken = cursor.next('argument');
    if (fromToken.kind !== 'word' && fromToken.kind !== 'string')
      cursor.unexpected(fromToken, 'a value to replace');
    if (!cursor.atKeyword('argument', 'with')) cursor.unexpected(cursor.peek('argument'), '"WITH"');
    const keyword = cursor.next('argument').text;
    const toToken = cursor.next('argument');
    if (toToken.kind !== 'word' && toToken.kind !== 'string')
      cursor.unexpected(toToken, 'a replacement value');
    const from = textArgument(fromToken);
    const to = textArgument(toToken);
    replacements.push({
      kind: 'ReplacePair',
      from,
      keyword,
      to,
      span: span(from.span.start, to.span.end),
    });
  } while (cursor.accept('argument', 'comma') && !cursor.atKeyword('argument', 'in'));
  let fields: FieldName[] | undefined;
  if (cursor.atKeyword('argument', 'in')) {
    cursor.next('argument');
    fields = parseFieldList(cursor);
  }
  expectEnd(cursor, 'replace');
  return {
    kind: 'Replace',
    ...commandBase(cursor, header),
    replacements,
    ...(fields ? { fields } : {}),
  };
};
