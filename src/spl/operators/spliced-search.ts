// A search clause holding generating subsearches (search, tstats WHERE): compiled up front, run and spliced in when a run starts.
import type { Diagnostic } from '../../core/index.ts';
import type { SearchExpr } from '../ast/search.ts';
import type { Plan } from '../plan/plan.ts';
import { commandError, EngineCode, failed, type StageCompileContext } from './compile-context.ts';
import type { RunServices } from './run-services.ts';
import { compileSearchPredicate, type RowPredicate } from './search-predicate.ts';
import { formatSubsearchResults, substituteSubsearches } from './subsearch-format.ts';

export interface SplicedSearch {
  /**
   * Runs the subsearches and compiles the clause with their results spliced in as terms;
   * undefined, with the problems warned, when that clause does not compile.
   */
  start(services: RunServices): RowPredicate | undefined;
}

/**
 * Only subsearches that generate their rows (`| inputlookup`, `| makeresults`) can run when a run
 * starts; one that reads events would need its own pass over the input first, which a
 * single-pass run cannot give, so it is refused, saying where it was used (`usedAs`: "as a
 * search filter", "in tstats WHERE").
 */
export function compileSplicedSearch(
  context: StageCompileContext,
  expr: SearchExpr,
  usedAs: string,
): SplicedSearch | readonly Diagnostic[] {
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
          `a subsearch that reads events cannot be used ${usedAs}: it would need a second pass over the input`,
          node.span,
          ['subsearches that generate their rows (| inputlookup, | makeresults) work here'],
        ),
      );
    } else plans.set(node, plan);
    return node;
  });
  if (diagnostics.length > 0) return diagnostics;
  return {
    start(services) {
      const spliced = substituteSubsearches(expr, (node) =>
        formatSubsearchResults(services.runGenerating(plans.get(node) as Plan), node.span),
      );
      const predicate = compileSearchPredicate(context, spliced);
      if (!failed(predicate)) return predicate;
      for (const d of predicate) services.warn(d);
      return undefined;
    },
  };
}
