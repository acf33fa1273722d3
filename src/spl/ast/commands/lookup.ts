// Lookup commands: lookup, inputlookup, outputlookup.
import type { Span } from '../../../core/index.ts';
import type { CommandBase, CommandOption, FieldAlias, TextArgument } from '../common.ts';
import type { SearchExpr } from '../search.ts';

export interface LookupOptions {
  readonly local?: CommandOption<boolean>;
  readonly update?: CommandOption<boolean>;
  readonly event_time_field?: CommandOption<string>;
}

/** `OUTPUT a AS b, c` / `OUTPUTNEW ...`: which lookup columns to write, and under which name. */
export interface LookupOutput {
  readonly kind: 'LookupOutput';
  readonly mode: 'OUTPUT' | 'OUTPUTNEW';
  /** As written (`output`, `OUTPUT`). */
  readonly keyword: string;
  readonly fields: readonly FieldAlias[];
  readonly span: Span;
}

/**
 * `lookup [options] <table> <lookup-field> [AS <event-field>] ... [OUTPUT|OUTPUTNEW ...]`.
 * In `inputs`, `field` is the lookup column and `alias` the event field. Without an output
 * clause every other column is written. docs: Search Reference, lookup.
 */
export interface LookupCommand extends CommandBase {
  readonly kind: 'Lookup';
  readonly options: LookupOptions;
  readonly table: TextArgument;
  readonly inputs: readonly FieldAlias[];
  readonly output?: LookupOutput;
}

export interface InputlookupOptions {
  readonly append?: CommandOption<boolean>;
  readonly strict?: CommandOption<boolean>;
  readonly start?: CommandOption<number>;
  readonly max?: CommandOption<number>;
}

/** `inputlookup [options] <table> [where <search>]`. docs: Search Reference, inputlookup. */
export interface InputlookupCommand extends CommandBase {
  readonly kind: 'Inputlookup';
  readonly options: InputlookupOptions;
  readonly table: TextArgument;
  readonly where?: SearchExpr;
}

export interface OutputlookupOptions {
  readonly append?: CommandOption<boolean>;
  readonly create_empty?: CommandOption<boolean>;
  readonly override_if_empty?: CommandOption<boolean>;
  readonly max?: CommandOption<number>;
  readonly key_field?: CommandOption<string>;
  readonly createinapp?: CommandOption<boolean>;
  readonly output_format?: CommandOption<string>;
}

/** `outputlookup [options] <table>`. docs: Search Reference, outputlookup. */
export interface OutputlookupCommand extends CommandBase {
  readonly kind: 'Outputlookup';
  readonly options: OutputlookupOptions;
  readonly table: TextArgument;
}
