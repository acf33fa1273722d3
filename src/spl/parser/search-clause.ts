// The search-clause parser: implicit AND, OR, NOT, parentheses, comparisons, IN, terms, subsearches.
import { span } from '../../core/index.ts';
import type { Quoting } from '../ast/common.ts';
import type { SearchComparator, SearchExpr, SearchValue } from '../ast/search.ts';
import { unescapeWord } from '../lexer/quoted.ts';
import type { Token } from '../lexer/token.ts';
import type { Cursor } from './cursor.ts';
import { parseSubsearch } from './subsearch.ts';

/**
 * In the search command OR binds tighter than AND, implicit or written (Search Manual, "Boolean
 * expressions": the search command evaluates OR clauses before AND clauses), so
 * `a b OR c` is `a AND (b OR c)`. NOT applies to the next term only. Operators are upper case.
 */
export interface SearchClauseOptions {
  /** Bare words that end the clause (tstats `by`): compared case-insensitively, never quoted. */
  readonly stopWords?: readonly string[];
}

const MAX_DEPTH = 200;

export function parseSearchClause(
  cursor: Cursor,
  options: SearchClauseOptions = {},
): SearchExpr | undefined {
  if (atClauseEnd(cursor, options)) return undefined;
  return parseAnd(cursor, options, 0);
}

function atClauseEnd(cursor: Cursor, options: SearchClauseOptions): boolean {
  const token = cursor.peek('search');
  if (token.kind === 'eof' || token.kind === 'rparen') return true;
  if (token.kind !== 'word' || !options.stopWords) return false;
  return options.stopWords.includes(token.text.toLowerCase()) && !isComparisonNext(cursor);
}

function isComparisonNext(cursor: Cursor): boolean {
  const second = cursor.peekSecond('search');
  return second.kind === 'operator' && !second.spaceBefore;
}

function parseAnd(cursor: Cursor, options: SearchClauseOptions, depth: number): SearchExpr {
  if (depth > MAX_DEPTH)
    cursor.fail('SPL012', 'search nested too deeply', cursor.peek('search').span);
  const operands: SearchExpr[] = [parseOr(cursor, options, depth)];
  for (;;) {
    if (atClauseEnd(cursor, options)) break;
    if (isOperatorWord(cursor.peek('search'), 'AND')) cursor.next('search');
    operands.push(parseOr(cursor, options, depth));
  }
  return group('SearchAnd', operands);
}

function parseOr(cursor: Cursor, options: SearchClauseOptions, depth: number): SearchExpr {
  const operands: SearchExpr[] = [parseNot(cursor, options, depth)];
  while (isOperatorWord(cursor.peek('search'), 'OR')) {
    cursor.next('search');
    operands.push(parseNot(cursor, options, depth));
  }
  return group('SearchOr', operands);
}

function group(kind: 'SearchAnd' | 'SearchOr', operands: SearchExpr[]): SearchExpr {
  const first = operands[0];
  const last = operands[operands.length - 1];
  if (operands.length === 1 && first) return first;
  if (!first || !last) throw new Error('search group without operands');
  return { kind, operands, span: span(first.span.start, last.span.end) };
}

function isOperatorWord(token: Token, word: string): boolean {
  return token.kind === 'word' && token.text === word;
}

function parseNot(cursor: Cursor, options: SearchClauseOptions, depth: number): SearchExpr {
  const token = cursor.peek('search');
  if (depth > MAX_DEPTH) cursor.fail('SPL012', 'search nested too deeply', token.span);
  if (isOperatorWord(token, 'NOT') && !isComparisonNext(cursor)) {
    cursor.next('search');
    const operand = parseNot(cursor, options, depth + 1);
    return { kind: 'SearchNot', operand, span: span(token.span.start, operand.span.end) };
  }
  return parsePrimary(cursor, options, depth);
}

function parsePrimary(cursor: Cursor, options: SearchClauseOptions, depth: number): SearchExpr {
  const token = cursor.peek('search');
  if (token.kind === 'lparen') {
    cursor.next('search');
    const inner = parseAnd(cursor, options, depth + 1);
    const close = cursor.expect('search', 'rparen', '")" to close the group');
    return { ...inner, span: span(token.span.start, close.span.end) };
  }
  if (token.kind === 'lbracket') {
    const subsearch = parseSubsearch(cursor);
    return { kind: 'SearchSubsearch', subsearch, span: subsearch.span };
  }
  // An empty word is a character no search term can start with (a `|` inside a text that is not
  // split into commands): consuming it would not advance the cursor.
  if (token.kind === 'string' || (token.kind === 'word' && token.span.end > token.span.start)) {
    cursor.next('search');
    const next = cursor.peek('search');
    if (next.kind === 'operator') return parseComparison(cursor, token);
    if (isOperatorWord(next, 'IN') && next.spaceBefore) return parseIn(cursor, token);
    return parseTerm(cursor, token);
  }
  return cursor.unexpected(token, 'a search term');
}

function quotingOf(token: Token): Quoting {
  return token.kind === 'string' ? 'double' : 'none';
}

function parseComparison(cursor: Cursor, field: Token): SearchExpr {
  const opToken = cursor.next('search');
  const op = opToken.text === '==' ? '=' : opToken.text;
  const value = parseValue(cursor, cursor.nextSearchValue(), 'a value after the comparison');
  return {
    kind: 'SearchComparison',
    field: field.value,
    fieldSpan: field.span,
    ...(field.kind === 'string' ? { fieldQuoting: quotingOf(field) } : {}),
    op: op as SearchComparator,
    value,
    span: span(field.span.start, value.span.end),
  };
}

function parseIn(cursor: Cursor, field: Token): SearchExpr {
  cursor.next('search');
  cursor.expect('search', 'lparen', '"(" after IN');
  const values: SearchValue[] = [];
  for (;;) {
    // Splunk tolerates empty list items: `IN (,"a", "b",)` (ESCU production searches have them).
    while (cursor.accept('search', 'comma')) {}
    const token = cursor.nextSearchValue();
    if (token.kind === 'rparen') break;
    if (token.kind === 'word' && token.span.end === token.span.start)
      cursor.unexpected(token, 'a value in the IN list');
    values.push(parseValue(cursor, token, 'a value in the IN list'));
    const separator = cursor.peek('search');
    if (separator.kind === 'comma') cursor.next('search');
    else if (separator.kind === 'rparen') {
      cursor.next('search');
      break;
    } else if (separator.kind === 'eof') cursor.unexpected(separator, '")" to close the IN list');
  }
  return {
    kind: 'SearchIn',
    field: field.value,
    fieldSpan: field.span,
    ...(field.kind === 'string' ? { fieldQuoting: quotingOf(field) } : {}),
    values,
    span: span(field.span.start, cursor.pos),
  };
}

function parseTerm(cursor: Cursor, token: Token): SearchExpr {
  const value = parseValue(cursor, token, 'a search term');
  return { kind: 'SearchTerm', value, span: value.span };
}

/** A value token, or `CASE(x)` / `TERM(x)` (search modifiers; Search Reference, search). */
function parseValue(cursor: Cursor, token: Token, what: string): SearchValue {
  if (token.kind === 'word') {
    const modifier = token.text.toUpperCase();
    const open = cursor.peek('search');
    if (
      (modifier === 'CASE' || modifier === 'TERM') &&
      open.kind === 'lparen' &&
      !open.spaceBefore
    ) {
      cursor.next('search');
      const inner = cursor.nextSearchValue();
      if (inner.kind !== 'word' && inner.kind !== 'string')
        cursor.unexpected(inner, `a value in ${modifier}()`);
      const close = cursor.expect('search', 'rparen', `")" to close ${modifier}(`);
      return {
        text: inner.value,
        quoted: inner.kind === 'string',
        caseSensitive: modifier === 'CASE',
        term: modifier === 'TERM',
        raw: cursor.text.slice(token.span.start, close.span.end),
        span: span(token.span.start, close.span.end),
      };
    }
  }
  if (token.kind !== 'word' && token.kind !== 'string') cursor.unexpected(token, what);
  const glued = /^(CASE|TERM)\(([\s\S]*)\)$/i.exec(token.text);
  if (glued && token.kind === 'word') {
    const modifier = (glued[1] ?? '').toUpperCase();
    const inner = glued[2] ?? '';
    const quoted = inner.startsWith('"') && inner.endsWith('"') && inner.length >= 2;
    return {
      text: quoted ? unescapeWord(inner.slice(1, -1)) : unescapeWord(inner),
      quoted,
      caseSensitive: modifier === 'CASE',
      term: modifier === 'TERM',
      raw: token.text,
      span: token.span,
    };
  }
  return {
    text: token.value,
    quoted: token.kind === 'string',
    caseSensitive: false,
    term: false,
    raw: token.text,
    span: token.span,
  };
}
