// Printers of join, append, appendpipe, map, foreach, transaction.

import type { CommandPrinters } from '../print-context.ts';
import { printFields, printOptions, printText, words } from '../print-parts.ts';

export const COMBINING_PRINTERS: CommandPrinters<
  'Join' | 'Append' | 'Appendpipe' | 'Map' | 'Foreach' | 'Transaction'
> = {
  Join: (command, context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      printFields(command.fields),
      context.subsearch(command.subsearch),
    );
  },
  Append: (command, context) => {
    const name = command.name;
    return words(name, printOptions(command.options), context.subsearch(command.subsearch));
  },
  Appendpipe: (command, context) => {
    const name = command.name;
    return words(name, printOptions(command.options), context.subsearch(command.subpipeline));
  },
  Map: (command, context) => {
    const name = command.name;
    return words(
      name,
      command.search.kind === 'Subsearch'
        ? context.subsearch(command.search)
        : `search=${printText(command.search)}`,
      printOptions(command.options),
    );
  },
  Foreach: (command, context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      printFields(command.fields, ' '),
      context.subsearch(command.template),
    );
  },
  Transaction: (command, _context) => {
    const name = command.name;
    return words(name, printFields(command.fields), printOptions(command.options));
  },
};
