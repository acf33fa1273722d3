// Checks of tstats' WHERE clause that the search compiler does not make: no bare raw-text terms.
import type { SearchExpr, SearchTerm } from '../ast/search.ts';

/** The first bare term or phrase (`*` match-alls already removed), if any. */
export function findRawTerm(expr: SearchExpr): SearchTerm | undefined {
  switch (expr.kind) {
    case 'SearchTerm':
      return expr;
    case 'SearchAnd':
    case 'SearchOr':
      for (const operand of expr.operands) {
        const found = findRawTerm(operand);
        if (found !== undefined) return found;
      }
      return undefined;
    case 'SearchNot':
      return findRawTerm(expr.operand);
    default:
      return undefined;
  }
}
