// Printers of eval, table, fields, rename, fillnull, replace, convert, sort, reverse.

import type { CommandPrinters } from '../print-context.ts';
import { printExpr } from '../print-expr.ts';
import {
  printField,
  printFields,
  printOptions,
  printSortKey,
  printText,
  words,
} from '../print-parts.ts';

export const FIELDS_PRINTERS: CommandPrinters<
  'Eval' | 'Table' | 'Fields' | 'Rename' | 'Fillnull' | 'Replace' | 'Convert' | 'Sort' | 'Reverse'
> = {
  Eval: (command, _context) => {
    const name = command.name;
    return words(
      name,
      command.assignments.map((a) => `${printField(a.field)}=${printExpr(a.expr)}`).join(', '),
    );
  },
  Table: (command, _context) => {
    const name = command.name;
    return words(name, printFields(command.fields));
  },
  Fields: (command, _context) => {
    const name = command.name;
    return words(
      name,
      command.explicitMode ? (command.mode === 'remove' ? '-' : '+') : undefined,
      printFields(command.fields),
    );
  },
  Rename: (command, _context) => {
    const name = command.name;
    return words(
      name,
      command.renames
        .map((r) => `${printField(r.from)} ${r.keyword} ${printField(r.to)}`)
        .join(', '),
    );
  },
  Fillnull: (command, _context) => {
    const name = command.name;
    return words(name, printOptions(command.options), printFields(command.fields, ' '));
  },
  Replace: (command, _context) => {
    const name = command.name;
    return words(
      name,
      command.replacements
        .map((r) => `${printText(r.from)} ${r.keyword} ${printText(r.to)}`)
        .join(', '),
      command.fields ? ['IN', printFields(command.fields)] : undefined,
    );
  },
  Convert: (command, _context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      command.conversions
        .map(
          (c) =>
            `${c.functionName}(${printField(c.field)})${c.alias ? ` AS ${printField(c.alias)}` : ''}`,
        )
        .join(' '),
    );
  },
  Sort: (command, _context) => {
    const name = command.name;
    return words(
      name,
      command.count?.text,
      printOptions(command.options),
      command.keys.map(printSortKey).join(', '),
      command.reverse ? printText(command.reverse) : undefined,
    );
  },
  Reverse: (command, _context) => {
    const name = command.name;
    return name;
  },
};
