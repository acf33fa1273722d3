// A StoreFilter as SQL over one partition table. `looseSql` admits at least every event the filter
// matches (what fetching events needs); `exactSql` is exactly the filter, or undefined when some
// field of it holds values outside its column in this partition (what counting in SQL needs).
// Every piece is made non-null (coalesce) so that NOT keeps Splunk's meaning: `NOT x=1` keeps
// events without x.
import { assertNever } from '../../../core/index.ts';
import { compileWildcard, SEARCH_WILDCARD } from '../../../spl/index.ts';
import type { StoreFilter } from '../store-query.ts';
import type { PartitionInfo } from './catalog.ts';
import { likePattern, literal } from './sql-text.ts';

export interface FilterScope {
  readonly partition: PartitionInfo;
  /** The partition's column for a stored field, if it has one. */
  columnOf(field: string): string | undefined;
}

const TRUE = 'TRUE';
const FALSE = 'FALSE';

export function looseSql(filter: StoreFilter, scope: FilterScope): string {
  switch (filter.kind) {
    case 'true':
    case 'unknown':
      return TRUE;
    case 'false':
      return FALSE;
    case 'and':
      return join(
        filter.operands.map((f) => looseSql(f, scope)),
        'AND',
      );
    case 'or':
      return join(
        filter.operands.map((f) => looseSql(f, scope)),
        'OR',
      );
    case 'not': {
      const inner = exactSql(filter.operand, scope);
      return inner === undefined ? TRUE : negate(inner);
    }
    case 'match':
    case 'exists': {
      const exact = exactSql(filter, scope);
      if (exact !== undefined) return exact;
      const column = scope.columnOf(filter.field);
      const inColumn = column === undefined ? FALSE : fieldTest(filter, column);
      return join([inColumn, 'extra IS NOT NULL'], 'OR');
    }
    case 'rawContains': {
      const pattern = literal(likePattern(`*${filter.text}*`));
      return `coalesce(_raw ${filter.caseSensitive ? 'LIKE' : 'ILIKE'} ${pattern} ESCAPE '\\', false)`;
    }
    default:
      return assertNever(filter, 'store filter');
  }
}

export function exactSql(filter: StoreFilter, scope: FilterScope): string | undefined {
  switch (filter.kind) {
    case 'true':
      return TRUE;
    case 'false':
      return FALSE;
    case 'unknown':
    case 'rawContains':
      return undefined;
    case 'and':
    case 'or': {
      const parts = filter.operands.map((f) => exactSql(f, scope));
      if (parts.some((p) => p === undefined)) return undefined;
      return join(parts as string[], filter.kind === 'and' ? 'AND' : 'OR');
    }
    case 'not': {
      const inner = exactSql(filter.operand, scope);
      return inner === undefined ? undefined : negate(inner);
    }
    case 'match':
    case 'exists': {
      if (filter.field === 'index') return indexTest(filter, scope.partition.index);
      if (scope.partition.irregular.has(filter.field)) return undefined;
      const column = scope.columnOf(filter.field);
      return column === undefined ? FALSE : fieldTest(filter, column);
    }
    default:
      return assertNever(filter, 'store filter');
  }
}

function fieldTest(
  filter: Extract<StoreFilter, { kind: 'match' | 'exists' }>,
  column: string,
): string {
  if (filter.kind === 'exists') return `(${column} IS NOT NULL)`;
  const { pattern, caseSensitive } = filter;
  // Text with no cased letters compares the same lower-cased or not: comparing the column
  // itself lets DuckDB use its zone maps and dictionaries.
  const caseless = caseSensitive || pattern.toLowerCase() === pattern.toUpperCase();
  const subject = caseless ? column : `lower(${column})`;
  if (!pattern.includes('*')) return `coalesce(${subject} = ${literal(pattern)}, false)`;
  return `coalesce(${subject} LIKE ${literal(likePattern(pattern))} ESCAPE '\\', false)`;
}

function indexTest(filter: Extract<StoreFilter, { kind: 'match' | 'exists' }>, index: string) {
  if (filter.kind === 'exists') return TRUE;
  const test = compileWildcard(filter.pattern, SEARCH_WILDCARD);
  return test(filter.caseSensitive ? index : index.toLowerCase()) ? TRUE : FALSE;
}

function negate(sql: string): string {
  if (sql === TRUE) return FALSE;
  if (sql === FALSE) return TRUE;
  return `(NOT ${sql})`;
}

function join(parts: readonly string[], op: 'AND' | 'OR'): string {
  const absorbing = op === 'AND' ? FALSE : TRUE;
  const neutral = op === 'AND' ? TRUE : FALSE;
  if (parts.includes(absorbing)) return absorbing;
  const kept = parts.filter((p) => p !== neutral);
  if (kept.length === 0) return neutral;
  return kept.length === 1 ? (kept[0] as string) : `(${kept.join(` ${op} `)})`;
}
