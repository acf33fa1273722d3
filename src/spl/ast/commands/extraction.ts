// Commands that extract or reshape values: rex, spath, xmlkv, extract, multikv, fromjson, makemv,
// mvexpand, iplocation, bin.
import type { CommandBase, CommandOption, FieldName, SpanValue, TextArgument } from '../common.ts';

export interface RexOptions {
  readonly field?: CommandOption<FieldName>;
  readonly max_match?: CommandOption<number>;
  readonly offset_field?: CommandOption<FieldName>;
  /** Only `sed` exists (Search Reference, rex). */
  readonly mode?: CommandOption<'sed'>;
}

/**
 * `rex [field=f] [max_match=N] [mode=sed] "<regex or s/…/…/g>"`. The pattern keeps its raw text:
 * SPL resolves only `\"` in it before PCRE sees it.
 */
export interface RexCommand extends CommandBase {
  readonly kind: 'Rex';
  readonly options: RexOptions;
  readonly pattern: TextArgument;
}

export interface SpathOptions {
  readonly input?: CommandOption<FieldName>;
  readonly output?: CommandOption<FieldName>;
  readonly path?: CommandOption<string>;
}

/** `spath [input=f] [output=f] [path=p | p]`. docs: Search Reference, spath. */
export interface SpathCommand extends CommandBase {
  readonly kind: 'Spath';
  readonly options: SpathOptions;
  /** The positional path (`spath a.b{}.c`). */
  readonly path?: TextArgument;
}

export interface XmlkvOptions {
  readonly maxinputs?: CommandOption<number>;
}

/** `xmlkv [field] [maxinputs=N]`. docs: Search Reference, xmlkv. */
export interface XmlkvCommand extends CommandBase {
  readonly kind: 'Xmlkv';
  readonly options: XmlkvOptions;
  readonly field?: FieldName;
}

export interface ExtractOptions {
  readonly pairdelim?: CommandOption<string>;
  readonly kvdelim?: CommandOption<string>;
  readonly clean_keys?: CommandOption<boolean>;
  readonly auto?: CommandOption<boolean>;
  readonly limit?: CommandOption<number>;
  readonly maxchars?: CommandOption<number>;
  readonly mv_add?: CommandOption<boolean>;
  readonly reload?: CommandOption<boolean>;
  readonly segment?: CommandOption<boolean>;
}

/** `extract [options] [extractor names]` (alias `kv`). docs: Search Reference, extract. */
export interface ExtractCommand extends CommandBase {
  readonly kind: 'Extract';
  readonly options: ExtractOptions;
  readonly extractors: readonly TextArgument[];
}

export interface MultikvOptions {
  readonly conf?: CommandOption<string>;
  readonly forceheader?: CommandOption<number>;
  readonly noheader?: CommandOption<boolean>;
  readonly rmorig?: CommandOption<boolean>;
}

/** `multikv [options] [fields f...] [filter term...]`. docs: Search Reference, multikv. */
export interface MultikvCommand extends CommandBase {
  readonly kind: 'Multikv';
  readonly options: MultikvOptions;
  readonly fields: readonly FieldName[];
  readonly filters: readonly TextArgument[];
}

export interface FromjsonOptions {
  readonly prefix?: CommandOption<string>;
}

/** `fromjson [prefix=p] field`. docs: Search Reference, fromjson. */
export interface FromjsonCommand extends CommandBase {
  readonly kind: 'Fromjson';
  readonly options: FromjsonOptions;
  readonly field: FieldName;
}

export interface MakemvOptions {
  readonly delim?: CommandOption<string>;
  readonly tokenizer?: CommandOption<string>;
  readonly allowempty?: CommandOption<boolean>;
  readonly setsv?: CommandOption<boolean>;
}

/** `makemv [delim=s|tokenizer=re] [allowempty=b] [setsv=b] field`. */
export interface MakemvCommand extends CommandBase {
  readonly kind: 'Makemv';
  readonly options: MakemvOptions;
  readonly field: FieldName;
}

export interface MvexpandOptions {
  readonly limit?: CommandOption<number>;
}

/** `mvexpand field [limit=N]`. */
export interface MvexpandCommand extends CommandBase {
  readonly kind: 'Mvexpand';
  readonly options: MvexpandOptions;
  readonly field: FieldName;
}

export interface IplocationOptions {
  readonly prefix?: CommandOption<string>;
  readonly allfields?: CommandOption<boolean>;
  readonly lang?: CommandOption<string>;
}

/** `iplocation [prefix=p] [allfields=b] [lang=l] field`. */
export interface IplocationCommand extends CommandBase {
  readonly kind: 'Iplocation';
  readonly options: IplocationOptions;
  readonly field: FieldName;
}

export interface BinOptions {
  readonly span?: CommandOption<SpanValue>;
  readonly bins?: CommandOption<number>;
  readonly minspan?: CommandOption<SpanValue>;
  readonly start?: CommandOption<number>;
  readonly end?: CommandOption<number>;
  readonly aligntime?: CommandOption<string>;
}

/** `bin|bucket [options] field [AS alias]` (`name` keeps which). docs: Search Reference, bin. */
export interface BinCommand extends CommandBase {
  readonly kind: 'Bin';
  readonly options: BinOptions;
  readonly field: FieldName;
  readonly alias?: FieldName;
  readonly aliasKeyword?: string;
}
