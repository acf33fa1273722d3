// Turns subsearch results into the search clause Splunk splices in (the `format` command's output).
import type { Event, Scalar, Span } from '../../core/index.ts';
import type { SearchExpr, SearchValue } from '../ast/search.ts';
import { scalarToString } from '../value/number.ts';

/** Splunk's default `[subsearch] maxout`: results past this are not used (limits.conf). */
const SUBSEARCH_MAX_RESULTS = 10_000;

/**
 * `( ( f1="v1" AND f2="v2" ) OR ( ... ) )`: one AND of field=value per result (a multivalue field
 * is an OR of its values), internal `_` fields left out except that a field named `search` or
 * `query` is spliced as raw search terms. No results match nothing (an empty OR).
 */
export function formatSubsearchResults(rows: readonly Event[], span: Span): SearchExpr {
  const alternatives: SearchExpr[] = [];
  for (const row of rows.slice(0, SUBSEARCH_MAX_RESULTS)) {
    const conjuncts: SearchExpr[] = [];
    for (const key in row) {
      const value = row[key];
      if (value === undefined || key.startsWith('_')) continue;
      const values = (Array.isArray(value) ? value : [value]) as readonly Scalar[];
      const terms: SearchExpr[] = values.map((v) =>
        key === 'search' || key === 'query'
          ? { kind: 'SearchTerm', value: searchValue(scalarToString(v), span), span }
          : {
              kind: 'SearchComparison',
              field: key,
              fieldSpan: span,
              op: '=',
              value: searchValue(scalarToString(v), span),
              span,
            },
      );
      conjuncts.push(
        terms.length === 1 ? (terms[0] as SearchExpr) : { kind: 'SearchOr', operands: terms, span },
      );
    }
    if (conjuncts.length > 0) alternatives.push({ kind: 'SearchAnd', operands: conjuncts, span });
  }
  return { kind: 'SearchOr', operands: alternatives, span };
}

function searchValue(text: string, span: Span): SearchValue {
  return { text, quoted: true, caseSensitive: false, term: false, span };
}

/** Whether a clause holds a subsearch anywhere. */
export function hasSubsearch(expr: SearchExpr): boolean {
  switch (expr.kind) {
    case 'SearchSubsearch':
      return true;
    case 'SearchAnd':
    case 'SearchOr':
      return expr.operands.some(hasSubsearch);
    case 'SearchNot':
      return hasSubsearch(expr.operand);
    default:
      return false;
  }
}

/** The clause with each subsearch replaced by `replace(node)`. */
export function substituteSubsearches(
  expr: SearchExpr,
  replace: (node: Extract<SearchExpr, { kind: 'SearchSubsearch' }>) => SearchExpr,
): SearchExpr {
  switch (expr.kind) {
    case 'SearchSubsearch':
      return replace(expr);
    case 'SearchAnd':
    case 'SearchOr':
      return { ...expr, operands: expr.operands.map((o) => substituteSubsearches(o, replace)) };
    case 'SearchNot':
      return { ...expr, operand: substituteSubsearches(expr.operand, replace) };
    default:
      return expr;
  }
}
