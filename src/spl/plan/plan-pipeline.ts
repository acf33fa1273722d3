// Pipeline AST → Plan: compiles every command to a stage, then works out ownership, field needs and the route.
import { type Diagnostic, hasErrors, type SourceText } from '../../core/diagnostic.ts';
import type { Pipeline } from '../ast/pipeline.ts';
import type { EvalCompileOptions } from '../eval/eval-types.ts';
import type { LookupProvider } from '../lookups/lookup-store.ts';
import { isStage, type StageCompileContext } from '../operators/compile-context.ts';
import { copyRowsStage } from '../operators/copy-rows.ts';
import { type FieldNeed, needsField, unionNeeds } from '../operators/field-need.ts';
import { compileStage } from '../operators/index.ts';
import type { Stage } from '../operators/operator.ts';
import type { DataModelProvider } from '../operators/tstats-data-model.ts';
import { parseSpl } from '../parse-spl.ts';
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
      evalOptions: { ...options.evalOptions, source: options.source },
      position,
      compileSubsearch: (subsearch) => planPipeline(subsearch.pipeline, options),
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
  const plan: Plan = {
    source: options.source,
    stages,
    fields: generating && sidePlans.length === 0 ? new Set() : fields,
    needsRaw,
    route,
    generating: generating && sidePlans.length === 0,
    sidePlans,
    start: (context) => startPlanRun(plan, context),
  };
  return plan;
}

/** parse → plan, for text made during compilation (foreach templates). */
function planText(text: string, name: string, options: PlanOptions): Plan | readonly Diagnostic[] {
  const parsed = parseSpl(text, { sourceName: name });
  if (hasErrors(parsed.diagnostics)) return parsed.diagnostics;
  return planPipeline(parsed.pipeline, { ...options, source: parsed.expanded });
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
