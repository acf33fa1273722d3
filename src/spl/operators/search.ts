// `search <clause>` and the implicit leading search: keeps the rows the clause matches (Search Reference, search).
import type { Diagnostic } from '../../core/diagnostic.ts';
import type { SearchCommand } from '../ast/command.ts';
import type { SearchExpr } from '../ast/search.ts';
import type { Plan } from '../plan/plan.ts';
import {
  commandError,
  EngineCode,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { compileOptimizedSearch } from './search-optimizer.ts';
import { compileSearchPredicate } from './search-predicate.ts';
import { defineStage, filterStage, headerOf } from './stage-kit.ts';
import { formatSubsearchResults, hasSubsearch, substituteSubsearches } from './subsearch-format.ts';

/**
 * A subsearch inside the clause (`index=x [| inputlookup ioc.csv | fields domain]`) runs when
 * the run starts and is spliced in as field=value terms. Only subsearches that read no events
 * can run then; one that reads events would need its own pass over the input first, which a
 * single-pass run cannot give, so it is refused.
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
  const diagnostics: Diagnostic[] = [];
  const plans = new Map<object, Plan>();
  substituteSubsearches(expr, (node) => {
    const plan = context.compileSubsearch(node.subsearch);
    if (failed(plan)) diagnostics.push(...plan);
    else if (!plan.generating) {
      diagnostics.push(
        commandError(
          context,
          EngineCode.subsearch,
          'a subsearch that reads events cannot be used as a search filter: it would need a second pass over the input',
          node.span,
          ['subsearches that generate their rows (| inputlookup, | makeresults) work here'],
        ),
      );
    } else plans.set(node, plan);
    return node;
  });
  if (diagnostics.length > 0) return diagnostics;
  // Field needs are known only once the subsearch ran; the outer fields are read for sure,
  // and the subsearch's result fields are not known at compile time.
  return defineStage(
    { ...header, needs: () => 'all' },
    'pass',
    (services) => {
      const spliced: SearchExpr = substituteSubsearches(expr, (node) =>
        formatSubsearchResults(services.runGenerating(plans.get(node) as Plan), node.span),
      );
      const predicate = compileSearchPredicate(context, spliced);
      if (failed(predicate)) {
        for (const d of predicate) services.warn(d);
        return { push() {}, finish() {} };
      }
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
