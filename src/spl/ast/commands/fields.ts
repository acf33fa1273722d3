// Commands that compute, rename, select or fill fields: eval, table, fields, rename, fillnull,
// replace, convert, sort, reverse.
import type { Span } from '../../../core/index.ts';
import type {
  CommandBase,
  CommandOption,
  EvalAssignment,
  FieldName,
  TextArgument,
} from '../common.ts';
import type { SortKey } from './filtering.ts';

/** `eval a=expr, b=expr`; also `fieldformat` (`name: 'fieldformat'`), which only formats. */
export interface EvalCommand extends CommandBase {
  readonly kind: 'Eval';
  readonly assignments: readonly EvalAssignment[];
}

/** `table a, b c*`. */
export interface TableCommand extends CommandBase {
  readonly kind: 'Table';
  readonly fields: readonly FieldName[];
}

/** `fields [+|-] a, b`: keep (default) or remove. `explicitMode` says whether `+`/`-` was written. */
export interface FieldsCommand extends CommandBase {
  readonly kind: 'Fields';
  readonly mode: 'keep' | 'remove';
  readonly explicitMode: boolean;
  readonly fields: readonly FieldName[];
}

/** One `old AS new` pair; both sides may hold `*` wildcards (`X.* as *`). */
export interface RenamePair {
  readonly kind: 'RenamePair';
  readonly from: FieldName;
  /** `as` / `AS` as written. */
  readonly keyword: string;
  readonly to: FieldName;
  readonly span: Span;
}

/** `rename a AS b, X.* AS *`. docs: Search Reference, rename. */
export interface RenameCommand extends CommandBase {
  readonly kind: 'Rename';
  readonly renames: readonly RenamePair[];
}

export interface FillnullOptions {
  readonly value?: CommandOption<string>;
}

/** `fillnull [value=x] [fields]`: no fields means every field seen (default value `0`). */
export interface FillnullCommand extends CommandBase {
  readonly kind: 'Fillnull';
  readonly options: FillnullOptions;
  readonly fields: readonly FieldName[];
}

/** `"old" WITH "new"` in replace; both are wildcard patterns. */
export interface ReplacePair {
  readonly kind: 'ReplacePair';
  readonly from: TextArgument;
  readonly keyword: string;
  readonly to: TextArgument;
  readonly span: Span;
}

/** `replace "a*" WITH "b*", "x" WITH "y" [IN fields]`. docs: Search Reference, replace. */
export interface ReplaceCommand extends CommandBase {
  readonly kind: 'Replace';
  readonly replacements: readonly ReplacePair[];
  /** Absent: every field. */
  readonly fields?: readonly FieldName[];
}

/** The conversion functions of convert (Search Reference, convert). */
export const CONVERT_FUNCTIONS = [
  'auto',
  'ctime',
  'dur2sec',
  'memk',
  'mktime',
  'mstime',
  'none',
  'num',
  'rmcomma',
  'rmunit',
] as const;
export type ConvertFunction = (typeof CONVERT_FUNCTIONS)[number];

/** `ctime(field) [AS alias]`. `functionName` keeps the written spelling. */
export interface Conversion {
  readonly kind: 'Conversion';
  readonly function: ConvertFunction;
  readonly functionName: string;
  readonly functionSpan: Span;
  readonly field: FieldName;
  readonly alias?: FieldName;
  readonly span: Span;
}

export interface ConvertOptions {
  readonly timeformat?: CommandOption<string>;
}

/** `convert [timeformat=...] ctime(f) [as g] ...`. */
export interface ConvertCommand extends CommandBase {
  readonly kind: 'Convert';
  readonly options: ConvertOptions;
  readonly conversions: readonly Conversion[];
}

export interface SortOptions {
  readonly limit?: CommandOption<number>;
}

/** `sort [N] [limit=N] (+|-)key, ... [d|desc]`. docs: Search Reference, sort. */
export interface SortCommand extends CommandBase {
  readonly kind: 'Sort';
  readonly count?: CommandOption<number>;
  readonly options: SortOptions;
  readonly keys: readonly SortKey[];
  /** A trailing `d`/`desc` reverses the whole order; keeps the written word. */
  readonly reverse?: TextArgument;
}

/** `reverse`. */
export interface ReverseCommand extends CommandBase {
  readonly kind: 'Reverse';
}
