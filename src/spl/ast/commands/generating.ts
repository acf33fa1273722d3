// Commands that start a pipeline: tstats, datamodel, from, makeresults.
import type { Span } from '../../../core/index.ts';
import type { ByClause, CommandBase, CommandOption, TextArgument } from '../common.ts';
import type { SearchExpr } from '../search.ts';
import type { Aggregation } from './stats.ts';

export interface TstatsOptions {
  readonly prestats?: CommandOption<boolean>;
  readonly local?: CommandOption<boolean>;
  readonly append?: CommandOption<boolean>;
  readonly summariesonly?: CommandOption<boolean>;
  readonly include_reduced_buckets?: CommandOption<boolean>;
  readonly allow_old_summaries?: CommandOption<boolean>;
  readonly chunk_size?: CommandOption<number>;
  /** `fillnull_value=null` writes the text `null` for a missing by-field. */
  readonly fillnull_value?: CommandOption<string>;
}

/**
 * `FROM datamodel=Endpoint.Processes`, `FROM datamodel:Endpoint.Processes`, `FROM <namespace>`.
 * `datamodel` is the data model name and `dataset` the optional node (`Processes`).
 */
export interface TstatsFrom {
  readonly kind: 'TstatsFrom';
  readonly keyword: string;
  readonly source: 'datamodel' | 'namespace' | 'sid';
  /** `datamodel=` or `datamodel:` (printer keeps it); empty for a namespace. */
  readonly separator: '=' | ':' | '';
  readonly target: TextArgument;
  readonly span: Span;
}

/** The `WHERE` of tstats: search-clause syntax (not eval). */
export interface TstatsWhere {
  readonly kind: 'TstatsWhere';
  readonly keyword: string;
  readonly expr: SearchExpr;
  readonly span: Span;
}

/**
 * `tstats [options] <aggregations> [FROM ...] [WHERE <search>] [BY fields [span=...]]`.
 * docs: Search Reference, tstats.
 */
export interface TstatsCommand extends CommandBase {
  readonly kind: 'Tstats';
  readonly options: TstatsOptions;
  readonly aggregations: readonly Aggregation[];
  readonly from?: TstatsFrom;
  readonly where?: TstatsWhere;
  readonly by?: ByClause;
}

/** `datamodel [<model> [<dataset>]] [search|flat|acceleration_search_string]`. */
export interface DatamodelCommand extends CommandBase {
  readonly kind: 'Datamodel';
  readonly model?: TextArgument;
  readonly dataset?: TextArgument;
  readonly mode?: TextArgument;
}

/** `from datamodel:X.Y`, `from datamodel X.Y`, `from inputlookup:name`, `from savedsearch:name`. */
export interface FromCommand extends CommandBase {
  readonly kind: 'From';
  /** `datamodel`, `lookup`, `inputlookup`, `savedsearch`, ... as written. */
  readonly datasetType: TextArgument;
  readonly separator: ':' | ' ';
  readonly dataset: TextArgument;
}

export interface MakeresultsOptions {
  readonly count?: CommandOption<number>;
  readonly annotate?: CommandOption<boolean>;
  readonly splunk_server?: CommandOption<string>;
  readonly splunk_server_group?: CommandOption<string>;
  readonly format?: CommandOption<string>;
  readonly data?: CommandOption<string>;
}

/** `makeresults [N] [count=N] [annotate=b] [format=csv|json data=...]`. */
export interface MakeresultsCommand extends CommandBase {
  readonly kind: 'Makeresults';
  /** The positional `N` (`makeresults 5`), the same as count=N. */
  readonly count?: CommandOption<number>;
  readonly options: MakeresultsOptions;
}
