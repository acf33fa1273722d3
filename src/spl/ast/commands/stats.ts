// Aggregating commands: stats, eventstats, streamstats, timechart, top, rare, addtotals.
import type { Span } from '../../../core/index.ts';
import type { ByClause, CommandBase, CommandOption, FieldName, SpanValue } from '../common.ts';
import type { Expr } from '../expr.ts';

/** `count(eval(x>5))`: the argument is an eval expression. */
export interface EvalArgument {
  readonly kind: 'EvalArgument';
  readonly expr: Expr;
  readonly span: Span;
}

/**
 * One aggregation: `count`, `count()`, `dc(user)`, `perc95(x) as p`, `values(eval(...))`.
 * `function` keeps the spelling as written (`Values`, `distinct_count`); names are
 * case-insensitive and resolved by the stats-aggregate registry.
 */
export interface Aggregation {
  readonly kind: 'Aggregation';
  readonly function: string;
  readonly functionSpan: Span;
  /** Absent for bare `count` / `count()`. */
  readonly argument?: FieldName | EvalArgument;
  /** `count()` was written with parentheses. */
  readonly parenthesized: boolean;
  readonly alias?: FieldName;
  /** `as` / `AS` as written, when there is an alias. */
  readonly aliasKeyword?: string;
  readonly span: Span;
}

export interface StatsOptions {
  readonly allnum?: CommandOption<boolean>;
  readonly delim?: CommandOption<string>;
  readonly partitions?: CommandOption<number>;
  readonly dedup_splitvals?: CommandOption<boolean>;
}

/** `stats [options] <aggregations> [by fields]`. docs: Search Reference, stats. */
export interface StatsCommand extends CommandBase {
  readonly kind: 'Stats';
  readonly options: StatsOptions;
  readonly aggregations: readonly Aggregation[];
  readonly by?: ByClause;
}

export interface EventstatsOptions {
  readonly allnum?: CommandOption<boolean>;
}

/** `eventstats [allnum=b] <aggregations> [by fields]`. */
export interface EventstatsCommand extends CommandBase {
  readonly kind: 'Eventstats';
  readonly options: EventstatsOptions;
  readonly aggregations: readonly Aggregation[];
  readonly by?: ByClause;
}

export interface StreamstatsOptions {
  readonly current?: CommandOption<boolean>;
  readonly window?: CommandOption<number>;
  readonly global?: CommandOption<boolean>;
  readonly allnum?: CommandOption<boolean>;
  readonly time_window?: CommandOption<SpanValue>;
  readonly reset_on_change?: CommandOption<boolean>;
  readonly reset_before?: CommandOption<Expr>;
  readonly reset_after?: CommandOption<Expr>;
}

/** `streamstats [options] <aggregations> [by fields]`. docs: Search Reference, streamstats. */
export interface StreamstatsCommand extends CommandBase {
  readonly kind: 'Streamstats';
  readonly options: StreamstatsOptions;
  readonly aggregations: readonly Aggregation[];
  readonly by?: ByClause;
}

export interface TimechartOptions {
  readonly span?: CommandOption<SpanValue>;
  readonly bins?: CommandOption<number>;
  readonly limit?: CommandOption<number>;
  readonly useother?: CommandOption<boolean>;
  readonly usenull?: CommandOption<boolean>;
  readonly otherstr?: CommandOption<string>;
  readonly nullstr?: CommandOption<string>;
  readonly cont?: CommandOption<boolean>;
  readonly partial?: CommandOption<boolean>;
  readonly fixedrange?: CommandOption<boolean>;
  readonly minspan?: CommandOption<SpanValue>;
}

/** `timechart [options] <aggregations> [by field]`. docs: Search Reference, timechart. */
export interface TimechartCommand extends CommandBase {
  readonly kind: 'Timechart';
  readonly options: TimechartOptions;
  readonly aggregations: readonly Aggregation[];
  readonly by?: ByClause;
}

export interface TopOptions {
  readonly limit?: CommandOption<number>;
  readonly countfield?: CommandOption<string>;
  readonly percentfield?: CommandOption<string>;
  readonly showcount?: CommandOption<boolean>;
  readonly showperc?: CommandOption<boolean>;
  readonly useother?: CommandOption<boolean>;
  readonly otherstr?: CommandOption<string>;
}

/** What top and rare share: `[N] [options] fields [by fields]`. */
export interface TopArguments {
  readonly count?: CommandOption<number>;
  readonly options: TopOptions;
  readonly fields: readonly FieldName[];
  readonly by?: ByClause;
}

/** `top [N] [options] fields [by fields]`: most common values. docs: Search Reference, top. */
export interface TopCommand extends CommandBase, TopArguments {
  readonly kind: 'Top';
}

/** `rare [N] [options] fields [by fields]`: least common values. docs: Search Reference, rare. */
export interface RareCommand extends CommandBase, TopArguments {
  readonly kind: 'Rare';
}

export interface AddtotalsOptions {
  readonly row?: CommandOption<boolean>;
  readonly col?: CommandOption<boolean>;
  readonly labelfield?: CommandOption<string>;
  readonly label?: CommandOption<string>;
  readonly fieldname?: CommandOption<string>;
}

/** `addtotals [options] [fields]`. docs: Search Reference, addtotals. */
export interface AddtotalsCommand extends CommandBase {
  readonly kind: 'Addtotals';
  readonly options: AddtotalsOptions;
  readonly fields: readonly FieldName[];
}
