// The SPL layer's public API: compile a search into a plan and run it; macros, lookups, routes, values.

export type { Command } from './ast/command.ts';
export type { TstatsCommand } from './ast/commands/generating.ts';
export type { GenericCommand } from './ast/commands/generic.ts';
export type { Aggregation, StatsCommand } from './ast/commands/stats.ts';
export type { SpanValue } from './ast/common.ts';
export type { CallExpr, Expr } from './ast/expr.ts';
export {
  forEachSearchLeaf,
  type SearchComparison,
  type SearchExpr,
  type SearchValue,
} from './ast/search.ts';
export { compileExpr } from './eval/compile-expr.ts';
export type { CompiledExpr, EvalClock } from './eval/eval-types.ts';
export {
  compileLookupApplication,
  type LookupApplication,
  type LookupFieldPair,
} from './lookups/apply-lookup.ts';
export type { LookupBacking, LookupDefinition } from './lookups/lookup-definition.ts';
export {
  createLookupStore,
  type LookupProvider,
  type LookupStore,
} from './lookups/lookup-store.ts';
export { readLookupCsv } from './lookups/lookup-table.ts';
export { parseMatchSettings } from './lookups/match-settings.ts';
export { lookupOfStanza, readTransformsConf } from './lookups/transforms-conf.ts';
export { BUILTIN_MACROS } from './macros/builtin-macros.ts';
export {
  defineMacro,
  type MacroDefinition,
  type MacroLibrary,
  macroKey,
  macroLibrary,
} from './macros/macro.ts';
export { ALL_FIELDS, type FieldNeed, unionNeed, unionNeeds } from './operators/field-need.ts';
export { compareGroupValues } from './operators/group-keys.ts';
export {
  DEFAULT_MAX_MEMORY_MB,
  MemoryBudget,
  MemoryLimitError,
} from './operators/memory-budget.ts';
export { spanSeconds } from './operators/time-span.ts';
export type {
  DataModelDataset,
  DataModelProvider,
  DatasetNaming,
  DatasetProjection,
  DatasetResolution,
} from './operators/tstats-data-model.ts';
export { parseSpl } from './parse-spl.ts';
export { expectEnd } from './parser/arguments.ts';
export { Cursor, SplSyntaxError } from './parser/cursor.ts';
export { parseExpression } from './parser/expression.ts';
export { parseSearchClause } from './parser/search-clause.ts';
export { type CompileSplOptions, type CompileSplResult, compileSpl } from './plan/compile-spl.ts';
export { expandSourcetypeAliases } from './plan/expand-sourcetype-aliases.ts';
export type { Plan, PlanRun, RunContext } from './plan/plan.ts';
export {
  ROUTE_ANY,
  ROUTE_FIELDS,
  ROUTE_NONE,
  type RouteConstraint,
  type RouteFilter,
  routeAdmits,
  routeOfSearch,
  unionRoutes,
} from './plan/route-filter.ts';
export { compileSplRegex, type SplRegex } from './regex/spl-regex.ts';
export { compileSearch } from './search/compile-search.ts';
export { compileWildcard, SEARCH_WILDCARD } from './search/wildcard-pattern.ts';
export {
  ALL_TIME,
  clauseTimeWindow,
  DEFAULT_TIMEFORMAT,
  hullBounds,
  indexTimeBoundsToRead,
  intersectBounds,
  isAllTime,
  isTimeModifierName,
  parseTimeModifier,
  resolveTime,
  resolveTimeModifier,
  resolveTimeRange,
  type TimeBounds,
  type TimeModifier,
  type TimeModifierOptions,
  type TimeModifierParse,
  type TimeRangeInput,
  type TimeRangeProblem,
  type TimeRangeResolution,
  type TimeResolution,
  timeBoundsToRead,
  withinBounds,
} from './time/index.ts';
export { toFieldValue } from './value/eval-value.ts';
export { formatNumber, scalarToNumber, scalarToString } from './value/number.ts';
