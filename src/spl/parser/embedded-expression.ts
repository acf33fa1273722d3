// An eval expression written as one command argument: streamstats `reset_before="("<eval-expression>")"`
// (Search Reference, streamstats: the syntax is written so). Splunk splits a command's arguments at
// whitespace outside quotes and joins the quoted and bare pieces of one argument with the quotes
// removed, so `"("match(test,\"yes\")")"` is the text `(match(test,"yes"))`, which is then read as
// an expression. The nodes' spans are mapped back to the search text for carets.
import { span as makeSpan, type Span } from '../../core/index.ts';
import type { Expr } from '../ast/expr.ts';
import { isSpace, resolveEscape } from '../lexer/index.ts';
import { Cursor, SplSyntaxError } from './cursor.ts';
import { parseExpression } from './expression.ts';

/** One argument read as Splunk's splitter reads it; `offsets[i]` is where value[i] was written. */
interface JoinedArgument {
  readonly value: string;
  readonly offsets: readonly number[];
  readonly span: Span;
}

/** Parses the argument at the cursor as an eval expression; the cursor moves past it. */
export function parseEmbeddedExpression(cursor: Cursor, what: string): { expr: Expr; span: Span } {
  const argument = readJoinedArgument(cursor, what);
  const inner = new Cursor(argument.value, 0, argument.value.length, cursor.context);
  try {
    const expr = parseExpression(inner);
    const rest = inner.peek('expression');
    if (rest.kind !== 'eof') inner.unexpected(rest, `the end of the ${what} expression`);
    return { expr: remapSpans(expr, argument) as Expr, span: argument.span };
  } catch (caught) {
    if (!(caught instanceof SplSyntaxError) || caught.diagnostic.span === undefined) throw caught;
    cursor.fail(
      caught.diagnostic.code,
      caught.diagnostic.message,
      toSource(caught.diagnostic.span, argument),
    );
  }
}

function readJoinedArgument(cursor: Cursor, what: string): JoinedArgument {
  const { text, end } = cursor;
  let i = cursor.pos;
  while (i < end && isSpace(text[i])) i++;
  const start = i;
  let value = '';
  const offsets: number[] = [];
  const take = (piece: string, at: number) => {
    for (let k = 0; k < piece.length; k++) offsets.push(at + k);
    value += piece;
  };
  let quoted = false;
  while (i < end && (quoted || !isSpace(text[i]))) {
    const c = text[i] ?? '';
    if (c === '"') {
      quoted = !quoted;
      i++;
    } else if (c === '\\' && i + 1 < end) {
      // `\\`, `\"` and `\|` are the character itself, inside quotes or not; `\d` stays two.
      take(resolveEscape(text[i + 1] ?? ''), i);
      i += 2;
    } else {
      take(c, i);
      i++;
    }
  }
  if (quoted) cursor.fail('SPL001', 'unterminated quoted string', makeSpan(start, start + 1));
  if (i === start) cursor.fail('SPL011', `expected the ${what} expression`, makeSpan(start, start));
  cursor.pos = i;
  offsets.push(i);
  return { value, offsets, span: makeSpan(start, i) };
}

/** A span of the joined value as a span of the search text. */
function toSource(at: Span, argument: JoinedArgument): Span {
  const { offsets } = argument;
  const start = offsets[Math.min(at.start, offsets.length - 1)] ?? argument.span.start;
  const last = at.end > at.start ? offsets[at.end - 1] : undefined;
  return makeSpan(start, last === undefined ? start : last + 1);
}

/** A copy of `node` with every `{start, end}` span moved to the search text. */
function remapSpans(node: unknown, argument: JoinedArgument): unknown {
  if (Array.isArray(node)) return node.map((child) => remapSpans(child, argument));
  if (typeof node !== 'object' || node === null) return node;
  const keys = Object.keys(node);
  if (keys.length === 2 && 'start' in node && 'end' in node) {
    return toSource(node as Span, argument);
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) out[key] = remapSpans(child, argument);
  return out;
}
