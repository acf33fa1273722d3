// Prints one command in canonical form: options first, in written order; single spaces.
import type { Command } from '../command.ts';
import type { SortKey } from '../commands/filtering.ts';
import type { Subsearch } from '../common.ts';
import { printExpr } from './print-expr.ts';
import {
  printAggregation,
  printAlias,
  printBy,
  printField,
  printFields,
  printOptions,
  printText,
  words,
} from './print-parts.ts';
import { printSearch } from './print-search.ts';

export interface PrintContext {
  readonly subsearch: (subsearch: Subsearch) => string;
}

function printSortKey(key: SortKey): string {
  const sign = key.explicitDirection ? (key.direction === 'desc' ? '- ' : '+ ') : '';
  const field =
    key.comparator === 'none'
      ? printField(key.field)
      : `${key.comparator}(${printField(key.field)})`;
  return `${sign}${field}`;
}

export function printCommand(command: Command, context: PrintContext): string {
  const name = command.name;
  const search = (expr: Parameters<typeof printSearch>[0]) =>
    printSearch(expr, (s) => context.subsearch(s.subsearch));
  switch (command.kind) {
    case 'Search':
      if (command.implicit) return command.expr ? search(command.expr) : '';
      return words(name, command.expr ? search(command.expr) : undefined);
    case 'Where':
      return words(name, printExpr(command.expr));
    case 'Eval':
      return words(
        name,
        command.assignments.map((a) => `${printField(a.field)}=${printExpr(a.expr)}`).join(', '),
      );
    case 'Table':
      return words(name, printFields(command.fields));
    case 'Fields':
      return words(
        name,
        command.explicitMode ? (command.mode === 'remove' ? '-' : '+') : undefined,
        printFields(command.fields),
      );
    case 'Rename':
      return words(
        name,
        command.renames
          .map((r) => `${printField(r.from)} ${r.keyword} ${printField(r.to)}`)
          .join(', '),
      );
    case 'Fillnull':
      return words(name, printOptions(command.options), printFields(command.fields, ' '));
    case 'Replace':
      return words(
        name,
        command.replacements
          .map((r) => `${printText(r.from)} ${r.keyword} ${printText(r.to)}`)
          .join(', '),
        command.fields ? ['IN', printFields(command.fields)] : undefined,
      );
    case 'Convert':
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
    case 'Sort':
      return words(
        name,
        command.count?.text,
        printOptions(command.options),
        command.keys.map(printSortKey).join(', '),
        command.reverse ? printText(command.reverse) : undefined,
      );
    case 'Reverse':
      return name;
    case 'Head':
      return words(
        name,
        command.count?.text,
        printOptions(command.options),
        command.condition ? `(${printExpr(command.condition)})` : undefined,
      );
    case 'Dedup':
      return words(
        name,
        command.count?.text,
        printFields(command.fields),
        printOptions(command.options),
        command.sortBy.length > 0
          ? ['sortby', command.sortBy.map(printSortKey).join(', ')]
          : undefined,
      );
    case 'Stats':
    case 'Eventstats':
    case 'Streamstats':
    case 'Timechart':
      return words(
        name,
        printOptions(command.options),
        command.aggregations.map(printAggregation),
        printBy(command.by),
      );
    case 'Top':
    case 'Rare':
      return words(
        name,
        command.count?.text,
        printOptions(command.options),
        printFields(command.fields),
        printBy(command.by),
      );
    case 'Addtotals':
      return words(name, printOptions(command.options), printFields(command.fields));
    case 'Rex':
      return words(name, printOptions(command.options), printText(command.pattern));
    case 'Regex':
      return words(
        name,
        (command.field ? `${printField(command.field)}${command.negated ? '!=' : '='}` : '') +
          printText(command.pattern),
      );
    case 'Spath':
      return words(
        name,
        printOptions(command.options),
        command.path ? printText(command.path) : undefined,
      );
    case 'Xmlkv':
      return words(
        name,
        command.field ? printField(command.field) : undefined,
        printOptions(command.options),
      );
    case 'Extract':
      return words(name, printOptions(command.options), command.extractors.map(printText));
    case 'Multikv':
      return words(
        name,
        printOptions(command.options),
        command.fields.length > 0 ? ['fields', printFields(command.fields, ' ')] : undefined,
        command.filters.length > 0 ? ['filter', ...command.filters.map(printText)] : undefined,
      );
    case 'Fromjson':
    case 'Mvexpand':
      return words(name, printField(command.field), printOptions(command.options));
    case 'Makemv':
    case 'Iplocation':
      return words(name, printOptions(command.options), printField(command.field));
    case 'Bin':
      return words(
        name,
        printOptions(command.options),
        printField(command.field),
        command.alias ? [command.aliasKeyword ?? 'as', printField(command.alias)] : undefined,
      );
    case 'Lookup':
      return words(
        name,
        printOptions(command.options),
        printText(command.table),
        command.inputs.map(printAlias),
        command.output
          ? [command.output.keyword, command.output.fields.map(printAlias).join(', ')]
          : undefined,
      );
    case 'Inputlookup':
      return words(
        name,
        printOptions(command.options),
        printText(command.table),
        command.where ? ['where', search(command.where)] : undefined,
      );
    case 'Outputlookup':
      return words(name, printOptions(command.options), printText(command.table));
    case 'Tstats': {
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
        command.where ? [command.where.keyword, search(command.where.expr)] : undefined,
        printBy(command.by),
      );
    }
    case 'Datamodel':
      return words(
        name,
        [command.model, command.dataset, command.mode]
          .map((t) => (t ? printText(t) : undefined))
          .filter((t): t is string => t !== undefined),
      );
    case 'From':
      return command.separator === ':'
        ? words(name, `${printText(command.datasetType)}:${printText(command.dataset)}`)
        : words(name, printText(command.datasetType), printText(command.dataset));
    case 'Makeresults':
      return words(name, printOptions(command.options));
    case 'Join':
      return words(
        name,
        printOptions(command.options),
        printFields(command.fields),
        context.subsearch(command.subsearch),
      );
    case 'Append':
      return words(name, printOptions(command.options), context.subsearch(command.subsearch));
    case 'Appendpipe':
      return words(name, printOptions(command.options), context.subsearch(command.subpipeline));
    case 'Map':
      return words(
        name,
        command.search.kind === 'Subsearch'
          ? context.subsearch(command.search)
          : `search=${printText(command.search)}`,
        printOptions(command.options),
      );
    case 'Foreach':
      return words(
        name,
        printOptions(command.options),
        printFields(command.fields, ' '),
        context.subsearch(command.template),
      );
    case 'Transaction':
      return words(name, printFields(command.fields), printOptions(command.options));
    case 'Generic': {
      let text = name;
      for (const arg of command.args) {
        if (arg.kind === 'Subsearch') text += ` ${context.subsearch(arg)}`;
        else text += arg.spaceBefore ? ` ${arg.text}` : arg.text;
      }
      return text;
    }
  }
}
