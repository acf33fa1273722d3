// The SPL layer's public API: compile a search into a plan and run it; macros, lookups, routes, values.
export type { CallExpr, Expr } from './ast/expr.ts';
export { forEachSearchLeaf, type SearchComparison, type SearchExpr } from './ast/search.ts';
export { compileExpr } from './eval/compile-expr.ts';
export type { CompiledExpr, EvalClock } from './eval/eval-types.ts';
export {
  compileLookupApplication,
  type LookupApplication,
  type LookupFieldPair,
} from './lookups/apply-lookup.ts';
export { loadLookupDirectories } from './lookups/load-lookup-directories.ts';
export type { LookupBacking, LookupDefinition } from './lookups/lookup-definition.ts';
export {
  createLookupStore,
  type LookupProvider,
  type LookupStore,
} from './lookups/lookup-store.ts';
export { readLookupCsv } from './lookups/lookup-table.ts';
export { parseMatchSettings } from './lookups/match-settings.ts';
export { lookupOfStanza } from './lookups/transforms-conf.ts';
export { BUILTIN_MACROS } from './macros/builtin-macros.ts';
export { loadMacros } from './macros/load-macros.ts';
export {
  defineMacro,
  type MacroDefinition,
  type MacroLibrary,
  macroKey,
  macroLibrary,
} from './macros/macro.ts';
export { type FieldNeed, unionNeed, unionNeeds } from './operators/field-need.ts';
export {
  DEFAULT_MAX_MEMORY_MB,
  MemoryBudget,
  MemoryLimitError,
} from './operators/memory-budget.ts';
export type {
  DataModelDataset,
  DataModelProvider,
  DatasetNaming,
  DatasetProjection,
  DatasetResolution,
} from './operators/tstats-data-model.ts';
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
export {
  ALL_TIME,
  clauseTimeWindow,
  DEFAULT_TIMEFORMAT,
  hullBounds,
  indexTimeBoundsToRead,
  intersectBounds,
  isAllTime,
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
