// Prints one command in canonical form (options first, in written order; single spaces) by
// looking its kind up in the printer table.
import type { Command, CommandKind } from '../command.ts';
import { COMBINING_PRINTERS } from './commands/combining.ts';
import { EXTRACTION_PRINTERS } from './commands/extraction.ts';
import { FIELDS_PRINTERS } from './commands/fields.ts';
import { FILTERING_PRINTERS } from './commands/filtering.ts';
import { GENERATING_PRINTERS } from './commands/generating.ts';
import { GENERIC_PRINTERS } from './commands/generic.ts';
import { LOOKUP_PRINTERS } from './commands/lookup.ts';
import { STATS_PRINTERS } from './commands/stats.ts';
import type { CommandPrinters, PrintContext } from './print-context.ts';

const PRINTERS: CommandPrinters<CommandKind> = {
  ...FILTERING_PRINTERS,
  ...FIELDS_PRINTERS,
  ...STATS_PRINTERS,
  ...EXTRACTION_PRINTERS,
  ...LOOKUP_PRINTERS,
  ...GENERATING_PRINTERS,
  ...COMBINING_PRINTERS,
  ...GENERIC_PRINTERS,
};

export function printCommand(command: Command, context: PrintContext): string {
  const printer = PRINTERS[command.kind] as (command: Command, context: PrintContext) => string;
  return printer(command, context);
}
