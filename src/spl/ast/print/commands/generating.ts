// Printers of tstats, datamodel, from, makeresults.

import type { CommandPrinters } from '../print-context.ts';
import { printAggregation, printBy, printOptions, printText, words } from '../print-parts.ts';

export const GENERATING_PRINTERS: CommandPrinters<'Tstats' | 'Datamodel' | 'From' | 'Makeresults'> =
  {
    Tstats: (command, context) => {
      const name = command.name;
      const from = command.from;
      const fromText = from
        ? [
            from.keyword,
            from.source === 'namespace'
              ? printText(from.target)
              : `${from.source}${from.separator}${printText(from.target)}`,
          ]
        : undefined;
      return words(
        name,
        printOptions(command.options),
        command.aggregations.map(printAggregation),
        fromText,
        command.where ? [command.where.keyword, context.search(command.where.expr)] : undefined,
        printBy(command.by),
      );
    },
    Datamodel: (command, _context) => {
      const name = command.name;
      return words(
        name,
        [command.model, command.dataset, command.mode]
          .map((t) => (t ? printText(t) : undefined))
          .filter((t): t is string => t !== undefined),
      );
    },
    From: (command, _context) => {
      const name = command.name;
      return command.separator === ':'
        ? words(name, `${printText(command.datasetType)}:${printText(command.dataset)}`)
        : words(name, printText(command.datasetType), printText(command.dataset));
    },
    Makeresults: (command, _context) => {
      const name = command.name;
      return words(name, command.count?.text, printOptions(command.options));
    },
  };
