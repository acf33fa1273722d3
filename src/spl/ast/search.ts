// The search-clause language (the implicit `search` and `| search`): terms, field comparisons,
// implicit AND, OR, NOT, parentheses, IN. Produced by spl/parser, compiled by spl/eval.
import type { Span } from '../../core/index.ts';
import type { Quoting, Subsearch } from './common.ts';

export type SearchExpr =
  | SearchAnd
  | SearchOr
  | SearchNot
  | SearchComparison
  | SearchIn
  | SearchTerm
  | SearchSubsearch;

/**
 * A value as written in a search: `*\\code.exe`, `"*\\code.exe"`, `7`. `text` has quoting and
 * escapes resolved (`\\` → `\`, `\"` → `"`, `\|` → `|`; other sequences such as `\d` are
 * kept); `*` in it is always a wildcard (SPL cannot escape it). `caseSensitive` is set by
 * `CASE(...)`, `term` by `TERM(...)`.
 */
export interface SearchValue {
  readonly text: string;
  readonly quoted: boolean;
  readonly caseSensitive: boolean;
  readonly term: boolean;
  /** Exactly as written (quotes included, inside `CASE(...)`/`TERM(...)`); the printer keeps it. */
  readonly raw?: string;
  readonly span: Span;
}

export interface SearchAnd {
  readonly kind: 'SearchAnd';
  readonly operands: readonly SearchExpr[];
  readonly span: Span;
}

export interface SearchOr {
  readonly kind: 'SearchOr';
  readonly operands: readonly SearchExpr[];
  readonly span: Span;
}

export interface SearchNot {
  readonly kind: 'SearchNot';
  readonly operand: SearchExpr;
  readonly span: Span;
}

export type SearchComparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** `field=value`, `field!=value`, `field>=5`. Field names are case-sensitive (may hold `*`). */
export interface SearchComparison {
  readonly kind: 'SearchComparison';
  readonly field: string;
  readonly fieldSpan: Span;
  /** `"DNS.query"="x"`: a quoted field name (absent = bare). */
  readonly fieldQuoting?: Quoting;
  readonly op: SearchComparator;
  readonly value: SearchValue;
  readonly span: Span;
}

/** `field IN (v1, v2, ...)`. */
export interface SearchIn {
  readonly kind: 'SearchIn';
  readonly field: string;
  readonly fieldSpan: Span;
  readonly fieldQuoting?: Quoting;
  readonly values: readonly SearchValue[];
  readonly span: Span;
}

/** A bare term or quoted phrase, matched against `_raw`. */
export interface SearchTerm {
  readonly kind: 'SearchTerm';
  readonly value: SearchValue;
  readonly span: Span;
}

/**
 * `[ search ... ]` inside a search clause. Splunk runs the subsearch first and splices its
 * results in as a search expression (`(a=1 AND b=2) OR (...)`, see the `format` command).
 */
export interface SearchSubsearch {
  readonly kind: 'SearchSubsearch';
  readonly subsearch: Subsearch;
  readonly span: Span;
}

/**
 * Calls `visit` for every `field=value` and `field IN (...)` of a clause, through AND, OR and
 * NOT (bare terms and subsearches are not visited: a subsearch's clause is its own).
 */
export function forEachSearchLeaf(
  expr: SearchExpr,
  visit: (leaf: SearchComparison | SearchIn) => void,
): void {
  switch (expr.kind) {
    case 'SearchAnd':
    case 'SearchOr':
      for (const operand of expr.operands) forEachSearchLeaf(operand, visit);
      return;
    case 'SearchNot':
      forEachSearchLeaf(expr.operand, visit);
      return;
    case 'SearchComparison':
    case 'SearchIn':
      visit(expr);
      return;
    default:
      return;
  }
}
