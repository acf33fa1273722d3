// The SPL compile facade: search text → Plan (parse: expand macros → tokenize → parse → analyze; then plan).
import {
  DiagnosticError,
  error,
  failed,
  hasErrors,
  type Result,
  succeeded,
} from '../../core/index.ts';
import type { SearchExpr } from '../ast/search.ts';
import type { EvalClock } from '../eval/eval-types.ts';
import type { LookupProvider } from '../lookups/lookup-store.ts';
import { NO_LOOKUPS } from '../lookups/lookup-store.ts';
import type { MacroLibrary } from '../macros/macro.ts';
import type { DataModelProvider } from '../operators/tstats-data-model.ts';
import { locateDiagnostic, parseSpl } from '../parse-spl.ts';
import { resolveTimeRange, type TimeRangeInput } from '../time/time-range.ts';
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
  /**
   * The search's time, epoch seconds: what `earliest=-24h@h`, `starthoursago=` and `now()` count
   * from. Defaults to `clock.searchStart()`; give it to make a run reproducible.
   */
  readonly now?: number;
  /**
   * The time range from outside the search (a job's earliest_time/latest_time), in Splunk's
   * time syntax. The search's own time modifiers override it, as they override Splunk's time
   * range picker; it applies to subsearches that have none of their own.
   */
  readonly timeRange?: TimeRangeInput;
  readonly random?: () => number;
  /** Shown in diagnostics (`--> search:1:5`): a file path or `search`. */
  readonly sourceName?: string;
  /** The data models tstats/datamodel/from read (knowledge/datamodels); without them they are refused. */
  readonly dataModels?: DataModelProvider;
}

export type CompileSplResult = Result<Plan>;

/** Never throws on bad input: every problem comes back as a diagnostic pointing into `text`. */
export function compileSpl(text: string, options: CompileSplOptions = {}): CompileSplResult {
  const parsed = parseSpl(text, {
    ...(options.macros ? { macros: options.macros } : {}),
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
  });
  const clock = clockOf(options);
  const now = clock.searchStart();
  const timeRange = resolveTimeRange(options.timeRange ?? {}, now);
  if (!timeRange.ok) {
    const problems = timeRange.problems.map((p) =>
      error(TIME_RANGE_CODE, `bad ${p.side} time of the time range: ${p.message}`, {
        location: `${p.side} time`,
      }),
    );
    return failed([...parsed.diagnostics, ...problems]);
  }
  if (hasErrors(parsed.diagnostics)) return failed(parsed.diagnostics);
  const planned = planPipeline(expandSourcetypeAliases(parsed.pipeline), {
    source: parsed.expanded,
    lookups: options.lookups ?? NO_LOOKUPS,
    ...(options.dataModels ? { dataModels: options.dataModels } : {}),
    now,
    timeRange: timeRange.bounds,
    evalOptions: {
      clock,
      ...(options.random ? { random: options.random } : {}),
      parseSearch: (clause) => parseSearchText(clause, options.macros),
    },
  });
  if ('stages' in planned) {
    return succeeded(planned, parsed.diagnostics);
  }
  return failed(planned.map((d) => locateDiagnostic(d, parsed.sourceMap, parsed.source)));
}

/** A time range given from outside the search that does not parse. */
const TIME_RANGE_CODE = 'SPL403';

/** One clock for the whole search, so `earliest=-1d` and `now()` agree. */
function clockOf(options: CompileSplOptions): EvalClock {
  const wallClock = () => Date.now() / 1000;
  if (options.now !== undefined) {
    const now = options.now;
    return { searchStart: () => now, wallClock: options.clock?.wallClock ?? wallClock };
  }
  if (options.clock) return options.clock;
  const start = wallClock();
  return { searchStart: () => start, wallClock };
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
