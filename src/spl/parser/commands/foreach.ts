// `foreach [mode=..] [fieldstr=..] [matchstr=..] [matchseg1..3=..] <wildcard fields> [<template>]`
// (Search Reference, foreach). The template keeps `<<FIELD>>`-style placeholders as field names.
import type { ForeachCommand, ForeachOptions } from '../../ast/command.ts';
import { expectEnd, parseFieldList } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import { type OptionTable, parseOptions } from '../options.ts';
import { parseSubsearch } from '../subsearch.ts';

const OPTIONS: OptionTable = {
  mode: ['multifield', 'multivalue', 'json_array', 'json_object'],
  fieldstr: 'string',
  matchstr: 'string',
  matchseg1: 'string',
  matchseg2: 'string',
  matchseg3: 'string',
};

export const parseForeach: CommandParser = (cursor, header): ForeachCommand => {
  const options = parseOptions<ForeachOptions>(cursor, 'foreach', OPTIONS);
  const fields = parseFieldList(cursor, [], true);
  parseOptions(cursor, 'foreach', OPTIONS, options);
  if (fields.length === 0) cursor.unexpected(cursor.peek('argument'), 'a field or wildcard');
  const template = parseSubsearch(cursor, 'subpipeline');
  expectEnd(cursor, 'foreach');
  return { kind: 'Foreach', ...commandBase(cursor, header), options, fields, template };
};
