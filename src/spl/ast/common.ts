// Building blocks shared by every command node: spanned option values, field names, clauses.
import type { Span } from '../../core/index.ts';
import type { Expr } from './expr.ts';
import type { Pipeline } from './pipeline.ts';
import type { SearchExpr } from './search.ts';

/** How a word was quoted in the source: `a`, `"a b"`, `'a b'`. The printer keeps the quoting. */
export type Quoting = 'none' | 'double' | 'single';

/**
 * A field name or a wildcard field pattern (`Processes.*`, `b64x_*`) as written in a command
 * argument. `name` has quotes and escapes resolved. Field names are case-sensitive.
 */
export interface FieldName {
  readonly kind: 'FieldName';
  readonly name: string;
  readonly quoting: Quoting;
  readonly span: Span;
}

/** A literal argument that is not a field: a lookup table name, a regex, a replacement text. */
export interface TextArgument {
  readonly kind: 'Text';
  /** Quotes removed and `\\` `\"` resolved. */
  readonly value: string;
  /** Exactly as written between the quotes (or the bare word): regexes want the raw form. */
  readonly raw: string;
  readonly quoting: Quoting;
  readonly span: Span;
}

/** Time units of `span=`, `maxspan=`, `relative time` options (Splunk's time-modifier units). */
export type TimeUnit = 'us' | 'ms' | 'cs' | 'ds' | 's' | 'm' | 'h' | 'd' | 'w' | 'mon' | 'q' | 'y';

/** `10s`, `1h`, `5` (no unit: a plain number, as `bin span=10` allows). */
export interface SpanValue {
  readonly value: number;
  readonly unit?: TimeUnit;
}

/** The value types a typed option can hold. */
export type OptionValue =
  | string
  | number
  | boolean
  | SpanValue
  | FieldName
  | TextArgument
  | Expr
  | SearchExpr;

/**
 * `name=value` of a command, typed by the command's option table. `text` is the value exactly as
 * written (`t`, `"%Y-%m-%d"`, `1h`), so the printer reproduces it.
 */
export interface CommandOption<T extends OptionValue> {
  readonly name: string;
  readonly value: T;
  readonly text: string;
  readonly nameSpan: Span;
  readonly valueSpan: Span;
  readonly span: Span;
}

/** `[ search ... | ... ]`: a nested pipeline. */
export interface Subsearch {
  readonly kind: 'Subsearch';
  readonly pipeline: Pipeline;
  readonly span: Span;
}

/** `a=expr` inside eval (and `fieldformat`). */
export interface EvalAssignment {
  readonly kind: 'EvalAssignment';
  readonly field: FieldName;
  readonly expr: Expr;
  readonly span: Span;
}

/** `by a, b c`: the split-by fields of stats-like commands. */
export interface ByClause {
  readonly kind: 'ByClause';
  /** As written: `by` or `BY`. */
  readonly keyword: string;
  readonly fields: readonly FieldName[];
  /** tstats only: `by _time span=1h`. */
  readonly timeSpan?: CommandOption<SpanValue>;
  readonly span: Span;
}

/** `old AS new` in rename, lookup field lists, convert, bin. `as` keeps its written case. */
export interface FieldAlias {
  readonly kind: 'FieldAlias';
  readonly field: FieldName;
  readonly alias?: FieldName;
  readonly span: Span;
}

/** The common header of every command node. */
export interface CommandBase {
  /** The command name as written (`bucket`, `STATS`); `kind` is the canonical identity. */
  readonly name: string;
  readonly nameSpan: Span;
  readonly span: Span;
}
