// Printers of lookup, inputlookup, outputlookup.

import type { CommandPrinters } from '../print-context.ts';
import { printAlias, printOptions, printText, words } from '../print-parts.ts';

export const LOOKUP_PRINTERS: CommandPrinters<'Lookup' | 'Inputlookup' | 'Outputlookup'> = {
  Lookup: (command, _context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      printText(command.table),
      command.inputs.map(printAlias),
      command.output
        ? [command.output.keyword, command.output.fields.map(printAlias).join(', ')]
        : undefined,
    );
  },
  Inputlookup: (command, context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      printText(command.table),
      command.where ? ['where', context.search(command.where)] : undefined,
    );
  },
  Outputlookup: (command, _context) => {
    const name = command.name;
    return words(name, printOptions(command.options), printText(command.table));
  },
};
