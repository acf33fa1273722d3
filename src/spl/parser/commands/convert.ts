// `convert [timeformat=s] <fn>(<field>) [AS <alias>] ...` (Search Reference, convert).
import { span } from '../../../core/index.ts';
import type { Conversion, ConvertCommand, ConvertOptions, FieldName } from '../../ast/command.ts';
import { CONVERT_FUNCTIONS, type ConvertFunction } from '../../ast/commands/fields.ts';
import { expectEnd, expectField } from '../arguments.ts';
import { type CommandParser, commandBase } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';
import { type OptionTable, parseOptions } from '../options.ts';

const OPTIONS: OptionTable = { timeformat: 'string' };

export const parseConvert: CommandParser = (cursor, header): ConvertCommand => {
  const options = parseOptions<ConvertOptions>(cursor, 'convert', OPTIONS);
  const conversions: Conversion[] = [];
  while (cursor.peek('argument').kind !== 'eof') {
    if (conversions.length > 0 && cursor.accept('argument', 'comma')) continue;
    conversions.push(parseConversion(cursor));
  }
  if (conversions.length === 0)
    cursor.unexpected(cursor.peek('argument'), 'a conversion such as ctime(field)');
  expectEnd(cursor, 'convert');
  return { kind: 'Convert', ...commandBase(cursor, header), options, conversions };
};

function parseConversion(cursor: Cursor): Conversion {
  const fn = cursor.next('argument');
  const name = fn.text.toLowerCase();
  if (fn.kind !== 'word' || !(CONVERT_FUNCTIONS as readonly string[]).includes(name)) {
    cursor.fail(
      'SPL105',
      `unknown convert function "${fn.text}" (one of ${CONVERT_FUNCTIONS.join(', ')})`,
      fn.span,
    );
  }
  cursor.expect('argument', 'lparen', `"(" after ${fn.text}`);
  const field = expectField(cursor, 'a field to convert');
  cursor.expect('argument', 'rparen', `")" to close ${fn.text}(`);
  let alias: FieldName | undefined;
  if (cursor.atKeyword('argument', 'as')) {
    cursor.next('argument');
    alias = expectField(cursor, 'a field name after AS');
  }
  return {
    kind: 'Conversion',
    function: name as ConvertFunction,
    functionName: fn.text,
    functionSpan: fn.span,
    field,
    ...(alias ? { alias } : {}),
    span: span(fn.span.start, cursor.pos),
  };
}
