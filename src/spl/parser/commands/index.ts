// The command-parser registry: command name (lower case) → parser. Names not listed here but in
// KNOWN_SPL_COMMANDS parse as Generic; anything else is SPL101 unknown command.
import type { CommandParser } from '../command-parser.ts';
import { parseAddtotals } from './addtotals.ts';
import { parseAppend } from './append.ts';
import { parseAppendpipe } from './appendpipe.ts';
import { parseBin } from './bin.ts';
import { parseConvert } from './convert.ts';
import { parseDatamodel } from './datamodel.ts';
import { parseDedup } from './dedup.ts';
import { parseEval } from './eval.ts';
import { parseEventstats } from './eventstats.ts';
import { parseExtract } from './extract.ts';
import { parseFields } from './fields.ts';
import { parseFillnull } from './fillnull.ts';
import { parseForeach } from './foreach.ts';
import { parseFrom } from './from.ts';
import { parseFromjson } from './fromjson.ts';
import { parseHead } from './head.ts';
import { parseInputlookup } from './inputlookup.ts';
import { parseIplocation } from './iplocation.ts';
import { parseJoin } from './join.ts';
import { parseLookup } from './lookup.ts';
import { parseMakemv } from './makemv.ts';
import { parseMakeresults } from './makeresults.ts';
import { parseMap } from './map.ts';
import { parseMultikv } from './multikv.ts';
import { parseMvexpand } from './mvexpand.ts';
import { parseOutputlookup } from './outputlookup.ts';
import { parseRare } from './rare.ts';
import { parseRegex } from './regex.ts';
import { parseRename } from './rename.ts';
import { parseReplace } from './replace.ts';
import { parseReverse } from './reverse.ts';
import { parseRex } from './rex.ts';
import { parseSearch } from './search.ts';
import { parseSort } from './sort.ts';
import { parseSpath } from './spath.ts';
import { parseStats } from './stats.ts';
import { parseStreamstats } from './streamstats.ts';
import { parseTable } from './table.ts';
import { parseTimechart } from './timechart.ts';
import { parseTop } from './top.ts';
import { parseTransaction } from './transaction.ts';
import { parseTstats } from './tstats.ts';
import { parseWhere } from './where.ts';
import { parseXmlkv } from './xmlkv.ts';

export const COMMAND_PARSERS: Readonly<Record<string, CommandParser>> = {
  addtotals: parseAddtotals,
  append: parseAppend,
  appendpipe: parseAppendpipe,
  bin: parseBin,
  bucket: parseBin,
  convert: parseConvert,
  datamodel: parseDatamodel,
  dedup: parseDedup,
  eval: parseEval,
  eventstats: parseEventstats,
  extract: parseExtract,
  fieldformat: parseEval,
  fields: parseFields,
  fillnull: parseFillnull,
  foreach: parseForeach,
  from: parseFrom,
  fromjson: parseFromjson,
  head: parseHead,
  inputlookup: parseInputlookup,
  iplocation: parseIplocation,
  join: parseJoin,
  kv: parseExtract,
  lookup: parseLookup,
  makemv: parseMakemv,
  makeresults: parseMakeresults,
  map: parseMap,
  multikv: parseMultikv,
  mvexpand: parseMvexpand,
  outputlookup: parseOutputlookup,
  rare: parseRare,
  regex: parseRegex,
  rename: parseRename,
  replace: parseReplace,
  reverse: parseReverse,
  rex: parseRex,
  search: parseSearch,
  sort: parseSort,
  spath: parseSpath,
  stats: parseStats,
  streamstats: parseStreamstats,
  table: parseTable,
  timechart: parseTimechart,
  top: parseTop,
  transaction: parseTransaction,
  tstats: parseTstats,
  where: parseWhere,
  xmlkv: parseXmlkv,
};

export function lookupCommandParser(name: string): CommandParser | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(COMMAND_PARSERS, key) ? COMMAND_PARSERS[key] : undefined;
}
