// Printers of stats, eventstats, streamstats, timechart, top, rare, addtotals.
import type { CommandOf } from '../../command.ts';
import type { CommandPrinters } from '../print-context.ts';
import { printAggregation, printBy, printFields, printOptions, words } from '../print-parts.ts';

/** `name [options] aggregations [BY fields]`: stats, eventstats, streamstats, timechart. */
function printAggregating(
  command: CommandOf<'Stats' | 'Eventstats' | 'Streamstats' | 'Timechart'>,
): string {
  return words(
    command.name,
    printOptions(command.options),
    command.aggregations.map(printAggregation),
    printBy(command.by),
  );
}

/** `name [N] [options] fields [BY fields]`: top and rare. */
function printTopRare(command: CommandOf<'Top' | 'Rare'>): string {
  return words(
    command.name,
    command.count?.text,
    printOptions(command.options),
    printFields(command.fields),
    printBy(command.by),
  );
}

export const STATS_PRINTERS: CommandPrinters<
  'Stats' | 'Eventstats' | 'Streamstats' | 'Timechart' | 'Top' | 'Rare' | 'Addtotals'
> = {
  Stats: printAggregating,
  Eventstats: printAggregating,
  Streamstats: printAggregating,
  Timechart: printAggregating,
  Top: printTopRare,
  Rare: printTopRare,
  Addtotals: (command) =>
    words(command.name, printOptions(command.options), printFields(command.fields)),
};
