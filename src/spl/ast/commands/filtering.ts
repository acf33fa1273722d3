// Commands that keep or drop rows: search, where, regex, head, dedup.
import type { Span } from '../../../core/index.ts';
import type { CommandBase, CommandOption, FieldName, TextArgument } from '../common.ts';
import type { Expr } from '../expr.ts';
import type { SearchExpr } from '../search.ts';

/**
 * `search <expr>`, and the implicit search at the start of a pipeline (`implicit: true`).
 * `expr` is absent for an empty search (`search` alone, or an empty leading clause).
 */
export interface SearchCommand extends CommandBase {
  readonly kind: 'Search';
  readonly implicit: boolean;
  readonly expr?: SearchExpr;
}

/** `where <expr>` (eval expression language). */
export interface WhereCommand extends CommandBase {
  readonly kind: 'Where';
  readonly expr: Expr;
}

/**
 * `regex [field=|field!=]"<pcre>"`. Without a field, `_raw` is matched. `negated` is `!=`.
 * docs: Search Reference, regex.
 */
export interface RegexCommand extends CommandBase {
  readonly kind: 'Regex';
  readonly field?: FieldName;
  readonly negated: boolean;
  readonly pattern: TextArgument;
}

export interface HeadOptions {
  readonly limit?: CommandOption<number>;
  readonly null?: CommandOption<boolean>;
  readonly keeplast?: CommandOption<boolean>;
}

/** `head [N] [limit=N] [(<expr>)] [null=b] [keeplast=b]`. docs: Search Reference, head. */
export interface HeadCommand extends CommandBase {
  readonly kind: 'Head';
  /** The positional `N` (`head 20`). */
  readonly count?: CommandOption<number>;
  readonly condition?: Expr;
  readonly options: HeadOptions;
}

export interface DedupOptions {
  readonly keepevents?: CommandOption<boolean>;
  readonly keepempty?: CommandOption<boolean>;
  readonly consecutive?: CommandOption<boolean>;
}

/** `dedup [N] <fields> [options] [sortby (+|-)field ...]`. docs: Search Reference, dedup. */
export interface DedupCommand extends CommandBase {
  readonly kind: 'Dedup';
  readonly count?: CommandOption<number>;
  readonly fields: readonly FieldName[];
  readonly options: DedupOptions;
  readonly sortBy: readonly SortKey[];
}

export type SortDirection = 'asc' | 'desc';
/** `num(x)`, `str(x)`, `ip(x)`, `auto(x)`; `none` for a bare field. */
export type SortComparator = 'none' | 'auto' | 'num' | 'str' | 'ip';

/** One key of sort or `dedup ... sortby`: `-count`, `+ num(port)`, `user`. */
export interface SortKey {
  readonly kind: 'SortKey';
  readonly field: FieldName;
  readonly direction: SortDirection;
  /** Whether `+`/`-` was written (the printer keeps an explicit `+`). */
  readonly explicitDirection: boolean;
  readonly comparator: SortComparator;
  readonly span: Span;
}
