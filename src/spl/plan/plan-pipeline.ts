// Pipeline AST → Plan: compiles every command to a stage, then works out ownership, field needs and the route.
import { type Diagnostic, hasErrors, type SourceText } from '../../core/index.ts';
import type { Command } from '../ast/command.ts';
import type { Pipeline } from '../ast/pipeline.ts';
import type { SearchExpr } from '../ast/search.ts';
import type { EvalCompileOptions } from '../eval/eval-types.ts';
import type { LookupProvider } from '../lookups/lookup-store.ts';
import { isStage, type StageCompileContext } from '../operators/compile-context.ts';
import { copyRowsStage } from '../operators/copy-rows.ts';
import { type FieldNeed, needsField, unionNeed, unionNeeds } from '../operators/field-need.ts';
import { compileStage } from '../operators/index.ts';
import type { Stage } from '../operators/operator.ts';
import type { DataModelProvider } from '../operators/tstats-data-model.ts';
import { parseSpl } from '../parse-spl.ts';
import { clauseTimeModifiers, clauseTimeWindow } from '../time/search-time-window.ts';
import { ALL_TIME, isAllTime, type TimeBounds } from '../time/time-bounds.ts';
import type { Plan } from './plan.ts';
import {
  ROUTE_ANY,
  ROUTE_NONE,
  type RouteFilter,
  routeOfSearch,
  unionRoutes,
} from './route-filter.ts';
import { startPlanRun } from './run-plan.ts';

export interface PlanOptions {
  readonly source: SourceText;
  readonly lookups: LookupProvider;
  readonly evalOptions: EvalCompileOptions;
  readonly dataModels?: DataModelProvider;
  /** The search's time, epoch seconds: relative time modifiers count from it. */
  readonly now: number;
  /** The time range given from outside (a job's earliest_time/latest_time); ALL_TIME if none. */
  readonly timeRange: TimeBounds;
}

/** Compiles every command (collecting every problem), then builds the plan. */
export function planPipeline(
  pipeline: Pipeline,
  options: PlanOptions,
): Plan | readonly Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const compiled: Stage[] = [];
  pipeline.commands.forEach((command, position) => {
    const context: StageCompileContext = {
      source: options.source,
      lookups: options.lookups,
      ...(options.dataModels ? { dataModels: options.dataModels } : {}),
      evalOptions: { ...options.evalOptions, source: options.source, lookups: options.lookups },
      now: options.now,
      position,
      compileSubsearch: (subsearch, how) =>
        planPipeline(
          subsearch.pipeline,
          how?.overRows ? { ...options, timeRange: ALL_TIME } : options,
        ),
      compileText: (text, name) => planText(text, name, options),
    };
    const result = compileStage(command, context);
    if (isStage(result)) compiled.push(result);
    else diagnostics.push(...result);
  });
  if (diagnostics.length > 0) return diagnostics;
  const stages = withOwnership(compiled);
  const generating = stages[0]?.generating ?? false;
  const mainFields = fieldsRead(stages);
  const sidePlans = stages.flatMap((s) => s.sidePlans).filter((p) => !p.generating);
  const fields = unionNeeds([mainFields, ...sidePlans.map((p) => p.fields)]);
  const needsRaw =
    (!generating && needsField(mainFields, '_raw')) || sidePlans.some((p) => p.needsRaw);
  const first = pipeline.commands[0];
  const mainRoute: RouteFilter = generating
    ? ROUTE_NONE
    : first?.kind === 'Search'
      ? routeOfSearch(first.expr)
      : (compiled[0]?.route ?? ROUTE_ANY);
  const route = sidePlans.reduce((r, p) => unionRoutes(r, p.route), mainRoute);
  const time = generating ? NO_TIME : timeOf(first, options);
  // The run drops events outside the time window, so it reads their `_time`.
  const timedFields = isAllTime(time.time) ? fields : unionNeed(fields, TIME_FIELD);
  const plan: Plan = {
    source: options.source,
    stages,
    fields: generating && sidePlans.length === 0 ? new Set() : timedFields,
    needsRaw,
    route,
    timeBounds: time.time,
    indexTimeBounds: time.indexTime,
    generating: generating && sidePlans.length === 0,
    sidePlans,
    start: (context) => startPlanRun(plan, context),
  };
  return plan;
}

const TIME_FIELD: FieldNeed = new Set(['_time']);
const NO_TIME = { time: ALL_TIME, indexTime: ALL_TIME };

/**
 * The windows of the events a plan reads: its leading clause's own time modifiers, which
 * override the time range given from outside (Search Reference, "Time modifiers": a time
 * modifier in the search overrides the Time Range Picker, and latest defaults to now), or else
 * that range.
 */
function timeOf(
  first: Command | undefined,
  options: PlanOptions,
): { readonly time: TimeBounds; readonly indexTime: TimeBounds } {
  const clause = leadingClause(first);
  const window = clauseTimeWindow(clause, { now: options.now });
  if (clauseTimeModifiers(clause).setsTime) return window;
  return { time: options.timeRange, indexTime: window.indexTime };
}

/** The search clause that selects events: the leading search's, or tstats' WHERE. */
function leadingClause(first: Command | undefined): SearchExpr | undefined {
  if (first?.kind === 'Search') return first.expr;
  if (first?.kind === 'Tstats') return first.where?.expr;
  return undefined;
}

/** parse → plan, for text made during compilation (foreach templates run over rows, at any time). */
function planText(text: string, name: string, options: PlanOptions): Plan | readonly Diagnostic[] {
  const parsed = parseSpl(text, { sourceName: name });
  if (hasErrors(parsed.diagnostics)) return parsed.diagnostics;
  return planPipeline(parsed.pipeline, {
    ...options,
    source: parsed.expanded,
    timeRange: ALL_TIME,
  });
}

/**
 * Events reaching a run are shared with other runs: before the first stage that changes rows in
 * place, unless an earlier stage already made new rows, a copy stage is put in.
 */
function withOwnership(stages: readonly Stage[]): Stage[] {
  const out: Stage[] = [];
  let owned = false;
  for (const stage of stages) {
    if (stage.rows === 'inPlace' && !owned) {
      out.push(copyRowsStage(stage.span));
      owned = true;
    }
    if (stage.rows === 'fresh') owned = true;
    out.push(stage);
  }
  return out;
}

/** Walks back from the results (every field shown) to the fields read from events. */
function fieldsRead(stages: readonly Stage[]): FieldNeed {
  let need: FieldNeed = 'all';
  for (let i = stages.length - 1; i >= 0; i--) need = (stages[i] as Stage).needs(need);
  return need;
}
