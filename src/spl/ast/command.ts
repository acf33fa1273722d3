// The command AST: one kind-tagged node per SPL command, and the union the parser produces.

import type {
  AppendCommand,
  AppendpipeCommand,
  ForeachCommand,
  JoinCommand,
  MapCommand,
  TransactionCommand,
} from './commands/combining.ts';
import type {
  BinCommand,
  ExtractCommand,
  FromjsonCommand,
  IplocationCommand,
  MakemvCommand,
  MultikvCommand,
  MvexpandCommand,
  RexCommand,
  SpathCommand,
  XmlkvCommand,
} from './commands/extraction.ts';
import type {
  ConvertCommand,
  EvalCommand,
  FieldsCommand,
  FillnullCommand,
  RenameCommand,
  ReplaceCommand,
  ReverseCommand,
  SortCommand,
  TableCommand,
} from './commands/fields.ts';
import type {
  DedupCommand,
  HeadCommand,
  RegexCommand,
  SearchCommand,
  WhereCommand,
} from './commands/filtering.ts';
import type {
  DatamodelCommand,
  FromCommand,
  MakeresultsCommand,
  TstatsCommand,
} from './commands/generating.ts';
import type { GenericCommand } from './commands/generic.ts';
import type { InputlookupCommand, LookupCommand, OutputlookupCommand } from './commands/lookup.ts';
import type {
  AddtotalsCommand,
  EventstatsCommand,
  RareCommand,
  StatsCommand,
  StreamstatsCommand,
  TimechartCommand,
  TopCommand,
} from './commands/stats.ts';

export type Command =
  | SearchCommand
  | WhereCommand
  | RegexCommand
  | HeadCommand
  | DedupCommand
  | EvalCommand
  | TableCommand
  | FieldsCommand
  | RenameCommand
  | FillnullCommand
  | ReplaceCommand
  | ConvertCommand
  | SortCommand
  | ReverseCommand
  | StatsCommand
  | EventstatsCommand
  | StreamstatsCommand
  | TimechartCommand
  | TopCommand
  | RareCommand
  | AddtotalsCommand
  | RexCommand
  | SpathCommand
  | XmlkvCommand
  | ExtractCommand
  | MultikvCommand
  | FromjsonCommand
  | MakemvCommand
  | MvexpandCommand
  | IplocationCommand
  | BinCommand
  | LookupCommand
  | InputlookupCommand
  | OutputlookupCommand
  | TstatsCommand
  | DatamodelCommand
  | FromCommand
  | MakeresultsCommand
  | JoinCommand
  | AppendCommand
  | AppendpipeCommand
  | MapCommand
  | ForeachCommand
  | TransactionCommand
  | GenericCommand;

export type CommandKind = Command['kind'];

/** The node of one command kind: `CommandOf<'Stats'>` is `StatsCommand`. */
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

export type * from './commands/combining.ts';
export type * from './commands/extraction.ts';
export type * from './commands/fields.ts';
export type * from './commands/filtering.ts';
export type * from './commands/generating.ts';
export type * from './commands/generic.ts';
export type * from './commands/lookup.ts';
export type * from './commands/stats.ts';
export type * from './common.ts';
export type * from './pipeline.ts';
