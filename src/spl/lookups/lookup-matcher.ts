// Finds the rows of a lookup table that match a set of input values, with the definition's match rules.
import { compileWildcard, SEARCH_WILDCARD } from '../search/wildcard-pattern.ts';
import { cidrContains, parseCidr, parseIp } from '../value/ip-address.ts';
import type { LookupDefinition, LookupMatchType } from './lookup-definition.ts';
import type { LookupTable } from './lookup-table.ts';

export interface LookupMatcher {
  /**
   * Rows whose input columns match `keys` (one value per input column, in the order the matcher
   * was built with), in file order, at most `maxMatches` of them.
   */
  match(keys: readonly string[]): readonly number[];
}

type CellTest = (value: string) => boolean;

/**
 * Rows are indexed by their exact-match columns (a hash on the joined, case-folded values) and,
 * for a lone wildcard column, by the cells that hold no `*`; only the rest are tested one by one.
 * `inputColumns` must be columns of the table (the caller reports unknown ones).
 */
export function buildLookupMatcher(
  table: LookupTable,
  definition: LookupDefinition,
  inputColumns: readonly string[],
): LookupMatcher {
  const fold = definition.caseSensitive ? (s: string) => s : (s: string) => s.toLowerCase();
  const columnIndex = inputColumns.map((c) => table.columns.indexOf(c));
  const types: LookupMatchType[] = inputColumns.map((c) => definition.matchTypes.get(c) ?? 'exact');
  const limit = definition.maxMatches;

  // A row whose cell holds no wildcard can be hashed even in a WILDCARD column.
  const literal = (row: readonly (string | undefined)[], k: number): boolean => {
    const cell = row[columnIndex[k] ?? -1];
    return types[k] === 'exact' || (types[k] === 'wildcard' && !(cell ?? '').includes('*'));
  };
  const hashed = new Map<string, number[]>();
  const scanned: { readonly row: number; readonly tests: readonly (CellTest | undefined)[] }[] = [];
  table.rows.forEach((row, r) => {
    const cells = columnIndex.map((c) => row[c]);
    if (cells.some((cell) => cell === undefined)) return; // a null cell never matches
    if (inputColumns.every((_, k) => literal(row, k))) {
      const key = cells.map((cell) => fold(cell ?? '')).join('\u0000');
      const list = hashed.get(key);
      if (list) list.push(r);
      else hashed.set(key, [r]);
      return;
    }
    const tests = cells.map((cell, k) => cellTest(types[k] ?? 'exact', cell ?? '', fold));
    if (tests.every((t) => t !== null)) scanned.push({ row: r, tests: tests as CellTest[] });
  });

  return {
    match(keys) {
      const folded = keys.map((k, i) => (types[i] === 'cidr' ? k : fold(k)));
      const direct = hashed.get(folded.join('\u0000'));
      if (scanned.length === 0) return direct === undefined ? [] : direct.slice(0, limit);
      const found: number[] = direct ? direct.slice() : [];
      for (const candidate of scanned) {
        let ok = true;
        for (let k = 0; k < folded.length && ok; k++) {
          const test = candidate.tests[k];
          ok = test === undefined || test(folded[k] ?? '');
        }
        if (ok) found.push(candidate.row);
      }
      if (direct !== undefined) found.sort((a, b) => a - b);
      return found.length > limit ? found.slice(0, limit) : found;
    },
  };
}

/** null: the cell can never match (a CIDR column holding something that is not a subnet). */
function cellTest(
  type: LookupMatchType,
  cell: string,
  fold: (s: string) => string,
): CellTest | null {
  if (type === 'cidr') {
    const block = parseCidr(cell.trim());
    if (block === undefined) return null;
    return (value) => {
      const address = parseIp(value.trim());
      return address !== undefined && cidrContains(block, address);
    };
  }
  // The search clause's `*` matcher: O(pattern × text) at worst on untrusted rows and values.
  if (type === 'wildcard') return compileWildcard(fold(cell), SEARCH_WILDCARD);
  const expected = fold(cell);
  return (value) => value === expected;
}
