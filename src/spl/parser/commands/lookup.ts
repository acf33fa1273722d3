// `lookup [options] <table> <field> [AS <field>] ... [OUTPUT|OUTPUTNEW <field> [AS <field>] ...]`.
import { span } from '../../../core/index.ts';
import type { FieldAlias, LookupCommand, LookupOptions, LookupOutput } from '../../ast/command.ts';
import { textArgument } from '../argument-nodes.ts';
import { atFieldToken, expectEnd, expectField } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const OPTIONS: OptionTable = { local: 'boolean', update: 'boolean', event_time_field: 'string' };
const OUTPUT_WORDS = ['output', 'outputnew'];

export const parseLookup: CommandParser = (cursor, header): LookupCommand => {
  const options = parseOptions<LookupOptions>(cursor, 'lookup', OPTIONS);
  const tableToken = cursor.peek('argument');
  if (tableToken.kind !== 'word' && tableToken.kind !== 'string') {
    cursor.unexpected(tableToken, 'a lookup table name');
  }
  const table = textArgument(cursor.next('argument'));
  const inputs = parseAliases(cursor, OUTPUT_WORDS);
  if (inputs.length === 0) cursor.unexpected(cursor.peek('argument'), 'a lookup field to match on');
  let output: LookupOutput | undefined;
  if (cursor.atKeyword('argument', ...OUTPUT_WORDS)) {
    const keyword = cursor.next('argument');
    const fields = parseAliases(cursor, []);
    if (fields.length === 0)
      cursor.unexpected(cursor.peek('argument'), `a field after ${keyword.text}`);
    output = {
      kind: 'LookupOutput',
      mode: keyword.text.toLowerCase() === 'outputnew' ? 'OUTPUTNEW' : 'OUTPUT',
      keyword: keyword.text,
      fields,
      span: span(keyword.span.start, cursor.pos),
    };
  }
  expectEnd(cursor, 'lookup');
  return {
    kind: 'Lookup',
    ...commandBase(cursor, header),
    options,
    table,
    inputs,
    ...(output ? { output } : {}),
  };
};

/** `a [AS b], c [AS d] ...` up to a stop word or the end. */
function parseAliases(cursor: Cursor, stopWords: readonly string[]): FieldAlias[] {
  const list: FieldAlias[] = [];
  for (;;) {
    if (list.length > 0 && cursor.accept('argument', 'comma')) continue;
    if (!atFieldToken(cursor, stopWords)) return list;
    const field = expectField(cursor, 'a field name');
    if (cursor.atKeyword('argument', 'as')) {
      cursor.next('argument');
      const alias = expectField(cursor, 'a field name after AS');
      list.push({ kind: 'FieldAlias', field, alias, span: span(field.span.start, alias.span.end) });
    } else {
      list.push({ kind: 'FieldAlias', field, span: field.span });
    }
  }
}
