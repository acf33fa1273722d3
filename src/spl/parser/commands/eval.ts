// `eval a=<expr>, b=<expr>` and `fieldformat` (Search Reference, eval).
import { span } from '../../../core/index.ts';
import type { EvalAssignment, EvalCommand } from '../../ast/command.ts';
import { isSpace, makeToken, skipSpace } from '../../lexer/index.ts';
import type { Token } from '../../lexer/token.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';
import { parseExpression } from '../expression.ts';

export const parseEval: CommandParser = (cursor, header): EvalCommand => {
  const assignments: EvalAssignment[] = [parseAssignment(cursor)];
  while (cursor.accept('expression', 'comma')) assignments.push(parseAssignment(cursor));
  const rest = cursor.peek('expression');
  if (rest.kind !== 'eof') cursor.unexpected(rest, `"," or the end of ${header.name}`);
  return { kind: 'Eval', ...commandBase(cursor, header), assignments };
};

function parseAssignment(cursor: Cursor): EvalAssignment {
  const target = readTarget(cursor);
  const eq = cursor.next('expression');
  if (eq.kind !== 'operator' || eq.text !== '=') cursor.unexpected(eq, `"=" after ${target.text}`);
  const expr = parseExpression(cursor);
  const quoting = target.kind === 'field' ? 'single' : target.kind === 'string' ? 'double' : 'none';
  return {
    kind: 'EvalAssignment',
    field: { kind: 'FieldName', name: target.value, quoting, span: target.span },
    expr,
    span: span(target.span.start, expr.span.end),
  };
}

/**
 * The assigned field: quoted, or every character up to whitespace or `=`. Splunk accepts names
 * such as `cpu:mem`, `feature_-value` and `{key}` (the value of `key` names the field) there.
 */
function readTarget(cursor: Cursor): Token {
  const token = cursor.peek('expression');
  if (token.kind === 'field' || token.kind === 'string') return cursor.next('expression');
  const start = skipSpace(cursor.text, cursor.pos, cursor.end);
  let end = start;
  while (end < cursor.end && !isSpace(cursor.text[end]) && cursor.text[end] !== '=') end++;
  if (end === start) cursor.unexpected(token, 'a field name to assign');
  const text = cursor.text.slice(start, end);
  cursor.pos = end;
  return makeToken('word', text, text, false, start > 0, start, end);
}
