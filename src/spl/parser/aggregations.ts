// Aggregation lists and by-clauses shared by stats, eventstats, streamstats, tstats, timechart.
import { span } from '../../core/index.ts';
import type { Aggregation, EvalArgument } from '../ast/commands/stats.ts';
import type { ByClause, CommandOption, FieldName, SpanValue } from '../ast/common.ts';
import { expectField, gluedParentheses, parseFieldList } from './arguments.ts';
import type { Cursor } from './cursor.ts';
import { parseExpression } from './expression.ts';
import { atOption, parseOptions } from './options.ts';

/**
 * `count`, `count()`, `dc(x) as y`, `count(eval(x>1)) AS n`, comma or space separated, up to a
 * stop word (`by`, and for tstats `from`/`where`) or the end. Function names stay as written.
 */
export function parseAggregations(cursor: Cursor, stopWords: readonly string[]): Aggregation[] {
  const aggregations: Aggregation[] = [];
  for (;;) {
    const token = cursor.peek('argument');
    if (token.kind === 'comma' && aggregations.length > 0) {
      cursor.next('argument');
      continue;
    }
    if (token.kind !== 'word' || token.quoted || atOption(cursor)) break;
    if (stopWords.includes(token.text.toLowerCase())) break;
    aggregations.push(parseAggregation(cursor));
  }
  return aggregations;
}

function parseAggregation(cursor: Cursor): Aggregation {
  const fn = cursor.next('argument');
  let argument: FieldName | EvalArgument | undefined;
  let parenthesized = false;
  const open = cursor.peek('argument');
  if (open.kind === 'lparen' && !open.spaceBefore) {
    cursor.next('argument');
    parenthesized = true;
    if (!cursor.accept('argument', 'rparen')) {
      argument = parseAggregationArgument(cursor);
      cursor.expect('argument', 'rparen', `")" to close ${fn.text}(`);
    }
  }
  let alias: FieldName | undefined;
  let aliasKeyword: string | undefined;
  if (cursor.atKeyword('argument', 'as')) {
    aliasKeyword = cursor.next('argument').text;
    alias = gluedParentheses(cursor, expectField(cursor, `a field name after ${aliasKeyword}`));
  }
  return {
    kind: 'Aggregation',
    function: fn.text,
    functionSpan: fn.span,
    ...(argument ? { argument } : {}),
    parenthesized,
    ...(alias && aliasKeyword ? { alias, aliasKeyword } : {}),
    span: span(fn.span.start, cursor.pos),
  };
}

function parseAggregationArgument(cursor: Cursor): FieldName | EvalArgument {
  const token = cursor.peek('argument');
  const second = cursor.peekSecond('argument');
  if (cursor.atKeyword('argument', 'eval') && second.kind === 'lparen') {
    cursor.next('argument');
    cursor.next('expression');
    const expr = parseExpression(cursor);
    const close = cursor.expect('expression', 'rparen', '")" to close eval(');
    return { kind: 'EvalArgument', expr, span: span(token.span.start, close.span.end) };
  }
  return expectField(cursor, 'a field name');
}

/**
 * `by f1, f2 f3` and, when `allowSpan` (tstats), a `span=<timespan>` among or after the fields.
 * Returns undefined when the next word is not `by`.
 */
export function parseByClause(
  cursor: Cursor,
  stopWords: readonly string[],
  allowSpan = false,
): ByClause | undefined {
  if (!cursor.atKeyword('argument', 'by')) return undefined;
  const keyword = cursor.next('argument');
  const fields: FieldName[] = [];
  let timeSpan: CommandOption<SpanValue> | undefined;
  for (;;) {
    fields.push(...parseFieldList(cursor, stopWords, true));
    if (allowSpan && atOption(cursor) && cursor.peek('argument').text.toLowerCase() === 'span') {
      const parsed = parseOptions<{ span?: CommandOption<SpanValue> }>(cursor, 'tstats', {
        span: 'span',
      });
      timeSpan = parsed.span;
      continue;
    }
    break;
  }
  if (fields.length === 0) {
    cursor.fail('SPL110', `"${keyword.text}" needs at least one field`, keyword.span);
  }
  return {
    kind: 'ByClause',
    keyword: keyword.text,
    fields,
    ...(timeSpan ? { timeSpan } : {}),
    span: span(keyword.span.start, cursor.pos),
  };
}
