// `search <clause>` and the implicit leading search: keeps the rows the clause matches (Search Reference, search).
import type { SearchCommand } from '../ast/command.ts';
import type { SearchExpr } from '../ast/search.ts';
import { failed, type StageCompileContext, type StageResult } from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { compileOptimizedSearch } from './search-optimizer.ts';
import { compileSplicedSearch } from './spliced-search.ts';
import { defineStage, filterStage, headerOf } from './stage-kit.ts';
import { hasSubsearch } from './subsearch-format.ts';

/**
 * A subsearch inside the clause (`index=x [| inputlookup ioc.csv | fields domain]`) runs when
 * the run starts and is spliced in as field=value terms (spliced-search.ts).
 */
export function compileSearchCommand(
  command: SearchCommand,
  context: StageCompileContext,
): StageResult {
  const header = headerOf(command);
  const expr = command.expr === undefined ? undefined : withoutMatchAll(command.expr);
  if (expr === undefined) return filterStage({ ...header, needs: (d) => d }, () => true);
  if (!hasSubsearch(expr)) {
    const predicate = compileOptimizedSearch(context, expr);
    if (failed(predicate)) return predicate;
    return filterStage(
      { ...header, needs: (downstream) => unionNeed(downstream, predicate.reads) },
      predicate.test,
    );
  }
  const spliced = compileSplicedSearch(context, expr, 'as a search filter');
  if (failed(spliced)) return spliced;
  // Field needs are known only once the subsearch ran; the outer fields are read for sure,
  // and the subsearch's result fields are not known at compile time.
  return defineStage(
    { ...header, needs: () => 'all' },
    'pass',
    (services) => {
      const predicate = spliced.start(services);
      if (predicate === undefined) return { push() {}, finish() {} };
      return {
        push(rows, emit) {
          emit(rows.filter(predicate.test));
        },
        finish() {},
      };
    },
    { streaming: true },
  );
}

/**
 * A bare `*` term matches every result, with or without `_raw` (`| search *` after stats keeps
 * every row; contentctl's default `*_filter` macro is `search *`). Undefined: no filtering at all.
 */
export function withoutMatchAll(expr: SearchExpr): SearchExpr | undefined {
  switch (expr.kind) {
    case 'SearchTerm':
      return !expr.value.quoted && /^\*+$/.test(expr.value.text) ? undefined : expr;
    case 'SearchAnd': {
      const operands = expr.operands.map(withoutMatchAll).filter((o) => o !== undefined);
      if (operands.length === 0) return undefined;
      return operands.length === 1 ? operands[0] : { ...expr, operands };
    }
    case 'SearchOr': {
      const operands = expr.operands.map(withoutMatchAll);
      if (operands.some((o) => o === undefined)) return undefined;
      return { ...expr, operands: operands as SearchExpr[] };
    }
    default:
      return expr;
  }
}
