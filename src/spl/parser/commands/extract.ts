// `extract|kv [options] [extractor names]` (Search Reference, extract).
import type { ExtractCommand, ExtractOptions, TextArgument } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { expectEnd } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const EXTRACT_OPTIONS: OptionTable = {
  pairdelim: 'string',
  kvdelim: 'string',
  clean_keys: 'boolean',
  auto: 'boolean',
  limit: 'integer',
  maxchars: 'integer',
  mv_add: 'boolean',
  reload: 'boolean',
  segment: 'boolean',
};

export const parseExtract: CommandParser = (cursor, header): ExtractCommand => {
  const options = parseOptions<ExtractOptions>(cursor, 'extract', EXTRACT_OPTIONS);
  const extractors: TextArgument[] = [];
  for (;;) {
    const token = cursor.peek('argument');
    if (token.kind !== 'word' && token.kind !== 'string') break;
    extractors.push(textArgument(cursor.next('argument')));
    parseOptions(cursor, 'extract', EXTRACT_OPTIONS, options);
  }
  expectEnd(cursor, 'extract');
  return { kind: 'Extract', ...commandBase(cursor, header), options, extractors };
};
