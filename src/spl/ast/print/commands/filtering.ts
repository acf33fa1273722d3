// Printers of search, where, regex, head, dedup.

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

export const FILTERING_PRINTERS: CommandPrinters<'Search' | 'Where' | 'Regex' | 'Head' | 'Dedup'> =
  {
    Search: (command, context) => {
      const name = command.name;
      if (command.implicit) return command.expr ? context.search(command.expr) : '';
      return words(name, command.expr ? context.search(command.expr) : undefined);
    },
    Where: (command, _context) => {
      const name = command.name;
      return words(name, printExpr(command.expr));
    },
    Regex: (command, _context) => {
      const name = command.name;
      return words(
        name,
        (command.field ? `${printField(command.field)}${command.negated ? '!=' : '='}` : '') +
          printText(command.pattern),
      );
    },
    Head: (command, _context) => {
      const name = command.name;
      return words(
        name,
        command.count?.text,
        printOptions(command.options),
        command.condition ? `(${printExpr(command.condition)})` : undefined,
      );
    },
    Dedup: (command, _context) => {
      const name = command.name;
      return words(
        name,
        command.count?.text,
        printFields(command.fields),
        printOptions(command.options),
        command.sortBy.length > 0
          ? ['sortby', command.sortBy.map(printSortKey).join(', ')]
          : undefined,
      );
    },
  };
