// A search clause compiled to a row predicate, with the fields it reads (search, inputlookup where, ...).
import type { Diagnostic, Event } from '../../core/index.ts';
import type { SearchExpr } from '../ast/search.ts';
import { type CompiledSearch, compileSearch } from '../search/compile-search.ts';
import type { StageCompileContext } from './compile-context.ts';
import type { FieldNeed } from './field-need.ts';

export interface RowPredicate {
  readonly test: (row: Event) => boolean;
  /** What the clause reads: named fields (plus `_raw` for terms), or every field. */
  readonly reads: FieldNeed;
}

/** `partOf`: the whole clause, when `expr` is one part of it (see SearchCompileOptions.partOf). */
export function compileSearchPredicate(
  context: StageCompileContext,
  expr: SearchExpr,
  partOf?: SearchExpr,
): RowPredicate | readonly Diagnostic[] {
  const result = compileSearch(expr, {
    source: context.source,
    now: context.now,
    ...(partOf === undefined ? {} : { partOf }),
  });
  if (!result.ok) return result.diagnostics;
  const compiled: CompiledSearch = result.value;
  const reads: FieldNeed = compiled.readsAllFields
    ? 'all'
    : new Set([...compiled.fields, ...(compiled.readsRaw ? ['_raw'] : [])]);
  return { test: compiled.test, reads };
}
