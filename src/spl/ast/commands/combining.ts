// Commands that combine pipelines or group rows: join, append, appendpipe, map, foreach,
// transaction.

import type {
  CommandBase,
  CommandOption,
  FieldName,
  SpanValue,
  Subsearch,
  TextArgument,
} from '../common.ts';
import type { Expr } from '../expr.ts';
import type { SearchExpr } from '../search.ts';

export interface JoinOptions {
  readonly type?: CommandOption<'inner' | 'outer' | 'left'>;
  readonly usetime?: CommandOption<boolean>;
  readonly earlier?: CommandOption<boolean>;
  readonly overwrite?: CommandOption<boolean>;
  readonly max?: CommandOption<number>;
}

/** `join [options] [fields] [subsearch]`. docs: Search Reference, join. */
export interface JoinCommand extends CommandBase {
  readonly kind: 'Join';
  readonly options: JoinOptions;
  readonly fields: readonly FieldName[];
  readonly subsearch: Subsearch;
}

export interface AppendOptions {
  readonly extendtimerange?: CommandOption<boolean>;
  readonly maxtime?: CommandOption<number>;
  readonly maxout?: CommandOption<number>;
  readonly timeout?: CommandOption<number>;
}

/** `append [options] [subsearch]`. */
export interface AppendCommand extends CommandBase {
  readonly kind: 'Append';
  readonly options: AppendOptions;
  readonly subsearch: Subsearch;
}

export interface AppendpipeOptions {
  readonly run_in_preview?: CommandOption<boolean>;
}

/** `appendpipe [run_in_preview=b] [subpipeline]`: the subpipeline runs over the current results. */
export interface AppendpipeCommand extends CommandBase {
  readonly kind: 'Appendpipe';
  readonly options: AppendpipeOptions;
  readonly subpipeline: Subsearch;
}

export interface MapOptions {
  readonly maxsearches?: CommandOption<number>;
}

/**
 * `map search="<search with $field$ tokens>" [maxsearches=N]` or `map [subsearch]`. The quoted
 * search is kept as text because its `$field$` tokens are substituted per row before parsing.
 */
export interface MapCommand extends CommandBase {
  readonly kind: 'Map';
  readonly options: MapOptions;
  readonly search: TextArgument | Subsearch;
}

export interface ForeachOptions {
  readonly mode?: CommandOption<'multifield' | 'multivalue' | 'json_array' | 'json_object'>;
  readonly fieldstr?: CommandOption<string>;
  readonly matchstr?: CommandOption<string>;
  readonly matchseg1?: CommandOption<string>;
  readonly matchseg2?: CommandOption<string>;
  readonly matchseg3?: CommandOption<string>;
}

/**
 * `foreach [options] <wildcard fields> [<template pipeline>]`. The template is parsed with
 * `<<FIELD>>`, `<<MATCHSTR>>`, ... kept as field names; they are substituted per field at run time.
 */
export interface ForeachCommand extends CommandBase {
  readonly kind: 'Foreach';
  readonly options: ForeachOptions;
  readonly fields: readonly FieldName[];
  readonly template: Subsearch;
}

export interface TransactionOptions {
  readonly maxspan?: CommandOption<SpanValue>;
  readonly maxpause?: CommandOption<SpanValue>;
  readonly maxevents?: CommandOption<number>;
  /** A search string (`"GET"`), `eval(<expr>)` (an `Expr`) or `(<search>)` (a `SearchExpr`). */
  readonly startswith?: CommandOption<TextArgument | Expr | SearchExpr>;
  readonly endswith?: CommandOption<TextArgument | Expr | SearchExpr>;
  readonly connected?: CommandOption<boolean>;
  readonly unifyends?: CommandOption<boolean>;
  readonly keeporphans?: CommandOption<boolean>;
  readonly keepevicted?: CommandOption<boolean>;
  readonly mvlist?: CommandOption<boolean>;
  readonly mvraw?: CommandOption<boolean>;
  readonly delim?: CommandOption<string>;
  readonly nullstr?: CommandOption<string>;
  readonly maxopentxn?: CommandOption<number>;
  readonly maxopenevents?: CommandOption<number>;
}

/** `transaction [fields] [options]`. docs: Search Reference, transaction. */
export interface TransactionCommand extends CommandBase {
  readonly kind: 'Transaction';
  readonly fields: readonly FieldName[];
  readonly options: TransactionOptions;
}
