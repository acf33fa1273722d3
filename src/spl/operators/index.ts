// The command registry: command kind → the function compiling it into a stage.
import type { Command, CommandKind, CommandOf } from '../ast/command.ts';
import { compileAddtotals } from './addtotals.ts';
import { compileAppend } from './append.ts';
import { compileAppendpipe } from './appendpipe.ts';
import { compileBin } from './bin.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { compileConvert } from './convert.ts';
import { compileDatamodel } from './datamodel.ts';
import { compileDedup } from './dedup.ts';
import { compileEval } from './eval.ts';
import { compileEventstats } from './eventstats.ts';
import { compileFields } from './fields.ts';
import { compileFillnull } from './fillnull.ts';
import { compileForeach } from './foreach.ts';
import { compileFrom } from './from.ts';
import { compileFromjson } from './fromjson.ts';
import { compileHead } from './head.ts';
import { compileInputlookup } from './inputlookup.ts';
import { compileJoin } from './join.ts';
import { compileLookup } from './lookup.ts';
import { compileMakemv } from './makemv.ts';
import { compileMakeresults } from './makeresults.ts';
import { compileMvexpand } from './mvexpand.ts';
import { compileRegexCommand } from './regex.ts';
import { compileRename } from './rename.ts';
import { compileReplace } from './replace.ts';
import { compileReverse } from './reverse.ts';
import { compileRex } from './rex.ts';
import { compileSearchCommand } from './search.ts';
import { compileSort } from './sort.ts';
import { compileSpath } from './spath.ts';
import { compileStats } from './stats.ts';
import { compileStreamstats } from './streamstats.ts';
import { compileTable } from './table.ts';
import { compileTimechart } from './timechart.ts';
import { compileTopRare } from './top-rare.ts';
import { compileTransaction } from './transaction.ts';
import { compileTstats } from './tstats.ts';
import { refuseCommand } from './unsupported.ts';
import { compileWhere } from './where.ts';
import { compileXmlkv } from './xmlkv.ts';

type StageCompiler<K extends CommandKind> = (
  command: CommandOf<K>,
  context: StageCompileContext,
) => StageResult;

const refuse = (command: Command, context: StageCompileContext) => refuseCommand(command, context);

/** Every command kind the parser produces; refused kinds say why (unsupported.ts). */
const STAGE_COMPILERS: { readonly [K in CommandKind]: StageCompiler<K> } = {
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
  Replace: compileReplace,
  Convert: compileConvert,
  Sort: compileSort,
  Reverse: compileReverse,
  Stats: compileStats,
  Eventstats: compileEventstats,
  Streamstats: compileStreamstats,
  Timechart: compileTimechart,
  Top: compileTopRare,
  Rare: compileTopRare,
  Addtotals: compileAddtotals,
  Rex: compileRex,
  Spath: compileSpath,
  Xmlkv: compileXmlkv,
  Extract: refuse,
  Multikv: refuse,
  Fromjson: compileFromjson,
  Makemv: compileMakemv,
  Mvexpand: compileMvexpand,
  Iplocation: refuse,
  Bin: compileBin,
  Lookup: compileLookup,
  Inputlookup: compileInputlookup,
  Outputlookup: refuse,
  Tstats: compileTstats,
  Datamodel: compileDatamodel,
  From: compileFrom,
  Makeresults: compileMakeresults,
  Join: compileJoin,
  Append: compileAppend,
  Appendpipe: compileAppendpipe,
  Map: refuse,
  Foreach: compileForeach,
  Transaction: compileTransaction,
  Generic: refuse,
};

export function compileStage(command: Command, context: StageCompileContext): StageResult {
  const compiler = STAGE_COMPILERS[command.kind] as StageCompiler<CommandKind>;
  return compiler(command as never, context);
}
