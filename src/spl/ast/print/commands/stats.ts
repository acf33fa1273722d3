// Printers of stats, eventstats, streamstats, timechart, top, rare, addtotals.

import type { CommandPrinters } from '../print-context.ts';
import { printAggregation, printBy, printFields, printOptions, words } from '../print-parts.ts';

export const STATS_PRINTERS: CommandPrinters<
  'Stats' | 'Eventstats' | 'Streamstats' | 'Timechart' | 'Top' | 'Rare' | 'Addtotals'
> = {
  Stats: (command, _context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      command.aggregations.map(printAggregation),
      printBy(command.by),
    );
  },
  Eventstats: (command, _context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      command.aggregations.map(printAggregation),
      printBy(command.by),
    );
  },
  Streamstats: (command, _context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      command.aggregations.map(printAggregation),
      printBy(command.by),
    );
  },
  Timechart: (command, _context) => {
    const name = command.name;
    return words(
      name,
      printOptions(command.options),
      command.aggregations.map(printAggregation),
      printBy(command.by),
    );
  },
  Top: (command, _context) => {
    const name = command.name;
    return words(
      name,
      command.count?.text,
      printOptions(command.options),
      printFields(command.fields),
      printBy(command.by),
    );
  },
  Rare: (command, _context) => {
    const name = command.name;
    return words(
      name,
      command.count?.text,
      printOptions(command.options),
      printFields(command.fields),
      printBy(command.by),
    );
  },
  Addtotals: (command, _context) => {
    const name = command.name;
    return words(name, printOptions(command.options), printFields(command.fields));
  },
};
