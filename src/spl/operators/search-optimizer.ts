// Speeds up a search clause without changing its meaning: per-field memos of sub-clauses and adaptive AND order.
import { type Diagnostic, type Event, fieldReader } from '../../core/index.ts';
import type { SearchExpr } from '../ast/search.ts';
import { latestNowPredicate } from '../search/compile-search.ts';
import { clauseTimeModifiers } from '../time/search-time-window.ts';
import type { StageCompileContext } from './compile-context.ts';
import { type FieldNeed, unionNeeds } from './field-need.ts';
import { compileSearchPredicate, type RowPredicate } from './search-predicate.ts';

const TIME_FIELD: FieldNeed = new Set(['_time']);

/** Memo entries per sub-clause (bounded memory on unique values). */
const MEMO_SIZE = 4096;
/** Lookups after which a memo that rarely hits is switched off. */
const MEMO_TRIAL = 2048;
/** Rows between re-orderings of an AND's operands. */
const REORDER_EVERY = 4096;

type Test = (row: Event) => boolean;

/**
 * The clause is compiled by the search compiler as it is; this only arranges the pieces:
 * - A top-level AND's operands run cheapest-rejecting first: every few thousand rows they are
 *   re-sorted by how often each rejected (AND is commutative and the tests have no effects).
 * - A piece that reads exactly one field depends only on that field's value, so its answer is
 *   memoised by value: the same index, sourcetype, EventCode or Image on most events is tested
 *   once. A memo that rarely hits (a per-event value such as CommandLine) turns itself off.
 * - An OR whose comparisons read different fields is split into one OR per field, each memoised.
 */
export function compileOptimizedSearch(
  context: StageCompileContext,
  expr: SearchExpr,
): RowPredicate | readonly Diagnostic[] {
  const operands = expr.kind === 'SearchAnd' ? expr.operands : [expr];
  const tests: Test[] = [];
  const reads: FieldNeed[] = [];
  for (const operand of operands) {
    const pieces = operand.kind === 'SearchOr' ? splitOrByField(operand) : [operand];
    const compiled: Test[] = [];
    for (const piece of pieces) {
      const predicate = compileSearchPredicate(context, piece, expr);
      if (Array.isArray(predicate)) return predicate;
      const p = predicate as RowPredicate;
      reads.push(p.reads);
      const field = p.reads !== 'all' && p.reads.size === 1 ? [...p.reads][0] : undefined;
      compiled.push(field === undefined || field === '_raw' ? p.test : memoByValue(field, p.test));
    }
    tests.push(compiled.length === 1 ? (compiled[0] as Test) : anyOf(compiled));
  }
  if (clauseTimeModifiers(expr).latestIsNow) {
    tests.push(latestNowPredicate(context.now));
    reads.push(TIME_FIELD);
  }
  return {
    test: tests.length === 1 ? (tests[0] as Test) : adaptiveAnd(tests),
    reads: unionNeeds(reads),
  };
}

/** `a=1 OR b=2 OR a=3` → [`a=1 OR a=3`, `b=2`]; anything else stays whole. */
function splitOrByField(expr: Extract<SearchExpr, { kind: 'SearchOr' }>): SearchExpr[] {
  const byField = new Map<string, SearchExpr[]>();
  for (const operand of expr.operands) {
    if (
      (operand.kind !== 'SearchComparison' && operand.kind !== 'SearchIn') ||
      operand.field.includes('*')
    ) {
      return [expr];
    }
    const list = byField.get(operand.field) ?? [];
    list.push(operand);
    byField.set(operand.field, list);
  }
  if (byField.size < 2) return [expr];
  return [...byField.values()].map((list) =>
    list.length === 1
      ? (list[0] as SearchExpr)
      : { kind: 'SearchOr', operands: list, span: expr.span },
  );
}

function anyOf(tests: readonly Test[]): Test {
  return (row) => {
    for (const test of tests) if (test(row)) return true;
    return false;
  };
}

function memoByValue(field: string, test: Test): Test {
  let lastValue: unknown;
  let lastResult = false;
  let seen = false;
  let memo: Map<string | number, boolean> | undefined = new Map();
  let lookups = 0;
  let hits = 0;
  const read = fieldReader(field);
  return (row) => {
    const value = read(row);
    if (seen && value === lastValue) return lastResult;
    if (memo === undefined || (typeof value !== 'string' && typeof value !== 'number')) {
      seen = true;
      lastValue = value;
      lastResult = test(row);
      return lastResult;
    }
    lookups++;
    let result = memo.get(value);
    if (result === undefined) {
      result = test(row);
      // A full memo keeps what it has (the values seen early, frequent ones among them) rather
      // than starting over, so a stream of unique values cannot push out the repeating ones.
      if (memo.size < MEMO_SIZE) memo.set(value, result);
    } else {
      hits++;
    }
    if (lookups === MEMO_TRIAL && hits * 4 < lookups) memo = undefined;
    seen = true;
    lastValue = value;
    lastResult = result;
    return result;
  };
}

function adaptiveAnd(tests: readonly Test[]): Test {
  let order = tests.map((test) => ({ test, rejected: 0 }));
  let count = 0;
  return (row) => {
    if (++count === REORDER_EVERY) {
      count = 0;
      order = [...order].sort((a, b) => b.rejected - a.rejected);
      for (const entry of order) entry.rejected = 0;
    }
    for (const entry of order) {
      if (!entry.test(row)) {
        entry.rejected++;
        return false;
      }
    }
    return true;
  };
}
