// The command registry: command kind → the function compiling it into a stage.
import type { Command, CommandKind, CommandOf } from '../ast/command.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { compileDedup } from './dedup.ts';
import { compileEval } from './eval.ts';
import { compileEventstats } from './eventstats.ts';
import { compileFields } from './fields.ts';
import { compileFillnull } from './fillnull.ts';
import { compileHead } from './head.ts';
import { compileInputlookup } from './inputlookup.ts';
import { compileLookup } from './lookup.ts';
import { compileMakemv } from './makemv.ts';
import { compileMakeresults } from './makeresults.ts';
import { compileMvexpand } from './mvexpand.ts';
import { compileRegexCommand } from './regex.ts';
import { compileRename } from './rename.ts';
import { compileReverse } from './reverse.ts';
import { compileRex } from './rex.ts';
import { compileSearchCommand } from './search.ts';
import { compileSort } from './sort.ts';
import { compileStats } from './stats.ts';
import { compileStreamstats } from './streamstats.ts';
import { compileTable } from './table.ts';
import { refuseCommand } from './unsupported.ts';
import { compileWhere } from './where.ts';

type StageCompiler<K extends CommandKind> = (
  command: CommandOf<K>,
  context: StageCompileContext,
) => StageResult;

const refuse = (command: Command, context: StageCompileContext) => refuseCommand(command, context);

/** Every command kind the parser produces; refused kinds say why (unsupported.ts). */
export const STAGE_COMPILERS: { readonly [K in CommandKind]: StageCompiler<K> } = {
  Search: compileSearchCommand,
  Where: compileWhere,
  Regex: compileRegexCommand,
  Head: compileHead,
  Dedup: compileDedup,
  Eval: compileEval,
  Table: compileTable,
  Fields: compileFields,
  Rename: compileRename,
  Fillnull: compileFillnull,
  Replace: refuse,
  Convert: refuse,
  Sort: compileSort,
  Reverse: compileReverse,
  Stats: compileStats,
  Eventstats: compileEventstats,
  Streamstats: compileStreamstats,
  Timechart: refuse,
  Top: refuse,
  Rare: refuse,
  Addtotals: refuse,
  Rex: compileRex,
  Spath: refuse,
  Xmlkv: refuse,
  Extract: refuse,
  Multikv: refuse,
  Fromjson: refuse,
  Makemv: compileMakemv,
  Mvexpand: compileMvexpand,
  Iplocation: refuse,
  Bin: refuse,
  Lookup: compileLookup,
  Inputlookup: compileInputlookup,
  Outputlookup: refuse,
  Tstats: refuse,
  Datamodel: refuse,
  From: refuse,
  Makeresults: compileMakeresults,
  Join: refuse,
  Append: refuse,
  Appendpipe: refuse,
  Map: refuse,
  Foreach: refuse,
  Transaction: refuse,
  Generic: refuse,
};

export function compileStage(command: Command, context: StageCompileContext): StageResult {
  const compiler = STAGE_COMPILERS[command.kind] as StageCompiler<CommandKind>;
  return compiler(command as never, context);
}
