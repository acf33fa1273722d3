// Parses the SPL texts a data model holds (constraints, event type searches, calculated fields) where they are written.
import { type Diagnostic, error, type SourceText, type Span } from '../../../core/index.ts';
import {
  Cursor,
  type Expr,
  expandSourcetypeAliases,
  expectEnd,
  parseExpression,
  parseSearchClause,
  type SearchExpr,
  SplSyntaxError,
} from '../../../spl/index.ts';

/** A text inside a file: the file and the span of the text in it (diagnostics point there). */
export interface LocatedText {
  readonly source: SourceText;
  readonly span: Span;
}

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** A search clause (the empty text is undefined: no constraint). */
export function parseSearchText(text: LocatedText, code: string): Parsed<SearchExpr | undefined> {
  return parseWith(text, code, (cursor) => {
    const expr = parseSearchClause(cursor);
    expectEnd(cursor, 'search', 'search');
    return expr === undefined ? undefined : expandSourcetypeAliases(expr);
  });
}

export function parseEvalText(text: LocatedText, code: string): Parsed<Expr> {
  return parseWith(text, code, (cursor) => {
    const expr = parseExpression(cursor);
    expectEnd(cursor, 'eval', 'expression');
    return expr;
  });
}

/** A built-in text: the whole string is its own source. */
export function builtinText(name: string, text: string): LocatedText {
  return { source: { name, text }, span: { start: 0, end: text.length } };
}

function parseWith<T>(text: LocatedText, code: string, parse: (cursor: Cursor) => T): Parsed<T> {
  const { source, span } = text;
  const cursor = new Cursor(source.text, span.start, span.end, {
    parseNested: (start) => {
      throw new SplSyntaxError(
        error(code, 'a subsearch cannot appear in a data-model definition', {
          span: { start: start - 1, end: start },
        }),
      );
    },
  });
  try {
    return { ok: true, value: parse(cursor) };
  } catch (caught) {
    if (!(caught instanceof SplSyntaxError)) throw caught;
    return { ok: false, diagnostics: [{ ...caught.diagnostic, source }] };
  }
}
