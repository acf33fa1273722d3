// `regex [<field>=|<field>!=]"<regex>"` (Search Reference, regex).
import type { FieldName, RegexCommand } from '../../ast/command.ts';
import { fieldName, textArgument } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';

export const parseRegex: CommandParser = (cursor, header): RegexCommand => {
  let field: FieldName | undefined;
  let negated = false;
  const second = cursor.peekSecond('argument');
  if (second.kind === 'operator' && (second.text === '=' || second.text === '!=')) {
    field = fieldName(cursor.next('argument'));
    negated = cursor.next('argument').text === '!=';
  }
  const token = cursor.peek('argument');
  if (token.kind !== 'string' && token.kind !== 'word')
    cursor.unexpected(token, 'a regular expression');
  const pattern = textArgument(cursor.next('argument'));
  expectEnd(cursor, 'regex');
  return {
    kind: 'Regex',
    ...commandBase(cursor, header),
    ...(field ? { field } : {}),
    negated,
    pattern,
  };
};
