// `map search="<search>" [maxsearches=N]` or `map [<subsearch>] [maxsearches=N]` (Search Reference, map).
import type { MapCommand, MapOptions, Subsearch, TextArgument } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { atOption, type OptionTable, parseOptions } from '../options.ts';
import { parseSubsearch } from '../subsearch.ts';

const OPTIONS: OptionTable = { maxsearches: 'integer' };

export const parseMap: CommandParser = (cursor, header): MapCommand => {
  const options = parseOptions<MapOptions>(cursor, 'map', OPTIONS, undefined, true);
  let search: TextArgument | Subsearch;
  if (atOption(cursor) && cursor.peek('argument').text.toLowerCase() === 'search') {
    cursor.next('argument');
    cursor.next('argument');
    const token = cursor.next('argument');
    if (token.kind !== 'string' && token.kind !== 'word')
      cursor.unexpected(token, 'a quoted search');
    search = textArgument(token);
  } else {
    search = parseSubsearch(cursor);
  }
  parseOptions(cursor, 'map', OPTIONS, options);
  expectEnd(cursor, 'map');
  return { kind: 'Map', ...commandBase(cursor, header), options, search };
};
