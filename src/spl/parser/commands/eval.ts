// `eval a=<expr>, b=<expr>` and `fieldformat` (Search Reference, eval).
import { span } from '../../../core/span.ts';
import type { EvalAssignment, EvalCommand } from '../../ast/command.ts';
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
  const target = cursor.next('expression');
  if (target.kind !== 'word' && target.kind !== 'field' && target.kind !== 'string') {
    cursor.unexpected(target, 'a field name to assign');
  }
  const eq = cursor.next('expression');
  if (eq.kind !== 'operator' || eq.text !== '=') cursor.unexpected(eq, `"=" after ${target.text}`);
  const expr = parseExpression(cursor);
  const quoting = target.kind === 'word' ? 'none' : target.kind === 'field' ? 'single' : 'double';
  return {
    kind: 'EvalAssignment',
    field: { kind: 'FieldName', name: target.value, quoting, span: target.span },
    expr,
    span: span(target.span.start, expr.span.end),
  };
}
