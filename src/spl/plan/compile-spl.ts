// The SPL compile facade: search text → Plan (parse: expand macros → tokenize → parse → analyze; then plan).
import { type Diagnostic, DiagnosticError, hasErrors } from '../../core/index.ts';
import type { SearchExpr } from '../ast/search.ts';
import type { EvalClock } from '../eval/eval-types.ts';
import type { LookupProvider } from '../lookups/lookup-store.ts';
import { NO_LOOKUPS } from '../lookups/lookup-store.ts';
import type { MacroLibrary } from '../macros/macro.ts';
import type { DataModelProvider } from '../operators/tstats-data-model.ts';
import { locateDiagnostic, parseSpl } from '../parse-spl.ts';
import { expandSourcetypeAliases } from './expand-sourcetype-aliases.ts';
import type { Plan } from './plan.ts';
import { planPipeline } from './plan-pipeline.ts';

export interface CompileSplOptions {
  /** Macros to expand; defaults to the built-in ones. */
  readonly macros?: MacroLibrary;
  /** Lookups that `lookup`/`inputlookup` may name; defaults to none. */
  readonly lookups?: LookupProvider;
  /** `now()` and makeresults' `_time`; defaults to the clock, with the start fixed at compile time. */
  readonly clock?: EvalClock;
  readonly random?: () => number;
  /** Shown in diagnostics (`--> search:1:5`): a file path or `search`. */
  readonly sourceName?: string;
  /** The data models tstats/datamodel/from read (knowledge/datamodels); without them they are refused. */
  readonly dataModels?: DataModelProvider;
}

export type CompileSplResult =
  | { readonly ok: true; readonly plan: Plan; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Never throws on bad input: every problem comes back as a diagnostic pointing into `text`. */
export function compileSpl(text: string, options: CompileSplOptions = {}): CompileSplResult {
  const parsed = parseSpl(text, {
    ...(options.macros ? { macros: options.macros } : {}),
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
  });
  if (hasErrors(parsed.diagnostics)) return { ok: false, diagnostics: parsed.diagnostics };
  const planned = planPipeline(expandSourcetypeAliases(parsed.pipeline), {
    source: parsed.expanded,
    lookups: options.lookups ?? NO_LOOKUPS,
    ...(options.dataModels ? { dataModels: options.dataModels } : {}),
    evalOptions: {
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.random ? { random: options.random } : {}),
      parseSearch: (clause) => parseSearchText(clause, options.macros),
    },
  });
  if ('stages' in planned) {
    return { ok: true, plan: planned, warnings: parsed.diagnostics };
  }
  return {
    ok: false,
    diagnostics: planned.map((d) => locateDiagnostic(d, parsed.sourceMap, parsed.source)),
  };
}

/** searchmatch("...")'s text as a search clause; throws a DiagnosticError when it does not parse. */
function parseSearchText(clause: string, macros: MacroLibrary | undefined): SearchExpr {
  const parsed = parseSpl(`search ${clause}`, macros ? { macros } : {});
  if (hasErrors(parsed.diagnostics)) throw new DiagnosticError(parsed.diagnostics);
  const first = parsed.pipeline.commands[0];
  if (first?.kind !== 'Search' || first.expr === undefined || parsed.pipeline.commands.length > 1) {
    throw new DiagnosticError([]);
  }
  return expandSourcetypeAliases(first.expr);
}
