// Field-extraction commands: spath, xmlkv, extract/kv, multikv, fromjson, makemv, mvexpand,
// iplocation (Search Reference, one page each).
import type {
  ExtractCommand,
  ExtractOptions,
  FieldName,
  FromjsonCommand,
  FromjsonOptions,
  IplocationCommand,
  IplocationOptions,
  MakemvCommand,
  MakemvOptions,
  MultikvCommand,
  MultikvOptions,
  MvexpandCommand,
  MvexpandOptions,
  SpathCommand,
  SpathOptions,
  TextArgument,
  XmlkvCommand,
  XmlkvOptions,
} from '../../ast/command.ts';
import {
  expectEnd,
  expectField,
  fieldName,
  type OptionTable,
  parseFieldList,
  parseOptions,
  textArgument,
} from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';

/** Options, then one field, then options again: the shape of most of these commands. */
function parseFieldWithOptions<O extends object>(
  cursor: Cursor,
  command: string,
  table: OptionTable,
): { options: O; field: FieldName } {
  const options = parseOptions<O>(cursor, command, table);
  const field = expectField(cursor, `the field ${command} reads`);
  parseOptions(cursor, command, table, options);
  expectEnd(cursor, command);
  return { options, field };
}

export const parseSpath: CommandParser = (cursor, header): SpathCommand => {
  const table: OptionTable = { input: 'field', output: 'field', path: 'string' };
  const options = parseOptions<SpathOptions>(cursor, 'spath', table);
  let path: TextArgument | undefined;
  const token = cursor.peek('argument');
  if (token.kind === 'word' || token.kind === 'string')
    path = textArgument(cursor.next('argument'));
  parseOptions(cursor, 'spath', table, options);
  expectEnd(cursor, 'spath');
  return { kind: 'Spath', ...commandBase(cursor, header), options, ...(path ? { path } : {}) };
};

export const parseXmlkv: CommandParser = (cursor, header): XmlkvCommand => {
  const table: OptionTable = { maxinputs: 'integer' };
  const options = parseOptions<XmlkvOptions>(cursor, 'xmlkv', table);
  let field: FieldName | undefined;
  const token = cursor.peek('argument');
  if (token.kind === 'word' || token.kind === 'string') field = fieldName(cursor.next('argument'));
  parseOptions(cursor, 'xmlkv', table, options);
  expectEnd(cursor, 'xmlkv');
  return { kind: 'Xmlkv', ...commandBase(cursor, header), options, ...(field ? { field } : {}) };
};

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

export const parseMultikv: CommandParser = (cursor, header): MultikvCommand => {
  const table: OptionTable = {
    conf: 'string',
    forceheader: 'integer',
    noheader: 'boolean',
    rmorig: 'boolean',
  };
  const options = parseOptions<MultikvOptions>(cursor, 'multikv', table);
  let fields: FieldName[] = [];
  const filters: TextArgument[] = [];
  for (;;) {
    parseOptions(cursor, 'multikv', table, options);
    if (cursor.atKeyword('argument', 'fields')) {
      cursor.next('argument');
      fields = parseFieldList(cursor, ['filter'], true);
    } else if (cursor.atKeyword('argument', 'filter')) {
      cursor.next('argument');
      while (cursor.peek('argument').kind === 'word' || cursor.peek('argument').kind === 'string') {
        if (cursor.atKeyword('argument', 'fields')) break;
        filters.push(textArgument(cursor.next('argument')));
      }
    } else break;
  }
  expectEnd(cursor, 'multikv');
  return { kind: 'Multikv', ...commandBase(cursor, header), options, fields, filters };
};

export const parseFromjson: CommandParser = (cursor, header): FromjsonCommand => {
  const parsed = parseFieldWithOptions<FromjsonOptions>(cursor, 'fromjson', { prefix: 'string' });
  return { kind: 'Fromjson', ...commandBase(cursor, header), ...parsed };
};

export const parseMakemv: CommandParser = (cursor, header): MakemvCommand => {
  const parsed = parseFieldWithOptions<MakemvOptions>(cursor, 'makemv', {
    delim: 'string',
    tokenizer: 'string',
    allowempty: 'boolean',
    setsv: 'boolean',
  });
  return { kind: 'Makemv', ...commandBase(cursor, header), ...parsed };
};

export const parseMvexpand: CommandParser = (cursor, header): MvexpandCommand => {
  const parsed = parseFieldWithOptions<MvexpandOptions>(cursor, 'mvexpand', { limit: 'integer' });
  return { kind: 'Mvexpand', ...commandBase(cursor, header), ...parsed };
};

export const parseIplocation: CommandParser = (cursor, header): IplocationCommand => {
  const parsed = parseFieldWithOptions<IplocationOptions>(cursor, 'iplocation', {
    prefix: 'string',
    allfields: 'boolean',
    lang: 'string',
  });
  return { kind: 'Iplocation', ...commandBase(cursor, header), ...parsed };
};
