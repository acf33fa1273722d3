// Printers of rex, spath, xmlkv, extract, multikv, fromjson, mvexpand, makemv, iplocation, bin.

import type { CommandPrinters } from '../print-context.ts';
import { printField, printFields, printOptions, printText, words } from '../print-parts.ts';

export const EXTRACTION_PRINTERS: CommandPrinters<
  | 'Rex'
  | 'Spath'
  | 'Xmlkv'
  | 'Extract'
  | 'Multikv'
  | 'Fromjson'
  | 'Mvexpand'
  | 'Makemv'
  | 'Iplocation'
  | 'Bin'
> = {
  Rex: (command, _context) => {
    const name = command.name;
    return words(name, printOptions(command.options), printText(command.pattern));
  },
  Spath: (command, _context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      command.path ? printText(command.path) : undefined,
    );
  },
  Xmlkv: (command, _context) => {
    const name = command.name;
    return words(
      name,
      command.field ? printField(command.field) : undefined,
      printOptions(command.options),
    );
  },
  Extract: (command, _context) => {
    const name = command.name;
    return words(name, printOptions(command.options), command.extractors.map(printText));
  },
  Multikv: (command, _context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      command.fields.length > 0 ? ['fields', printFields(command.fields, ' ')] : undefined,
      command.filters.length > 0 ? ['filter', ...command.filters.map(printText)] : undefined,
    );
  },
  Fromjson: (command, _context) => {
    const name = command.name;
    return words(name, printField(command.field), printOptions(command.options));
  },
  Mvexpand: (command, _context) => {
    const name = command.name;
    return words(name, printField(command.field), printOptions(command.options));
  },
  Makemv: (command, _context) => {
    const name = command.name;
    return words(name, printOptions(command.options), printField(command.field));
  },
  Iplocation: (command, _context) => {
    const name = command.name;
    return words(name, printOptions(command.options), printField(command.field));
  },
  Bin: (command, _context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      printField(command.field),
      command.alias ? [command.aliasKeyword ?? 'as', printField(command.alias)] : undefined,
    );
  },
};
