// Printing of the argument pieces shared by commands: fields, text, options, aggregations.
import { quoteString } from '../../lexer/quoted.ts';
import type { SortKey } from '../commands/filtering.ts';
import type { Aggregation } from '../commands/stats.ts';
import type {
  ByClause,
  CommandOption,
  FieldAlias,
  FieldName,
  OptionValue,
  TextArgument,
} from '../common.ts';
import { printExpr, printQuotedField } from './print-expr.ts';

export function printField(field: FieldName): string {
  if (field.quoting === 'double') return quoteString(field.name);
  if (field.quoting === 'single') return printQuotedField(field.name);
  return field.name;
}

export function printFields(fields: readonly FieldName[], separator = ', '): string {
  return fields.map(printField).join(separator);
}

export function printText(text: TextArgument): string {
  return text.quoting === 'double' ? `"${text.raw}"` : text.raw;
}

/** Options in the order they were written (object insertion order), `name=text`. */
export function printOptions(options: object): string[] {
  return Object.values(options).map(
    (option: CommandOption<OptionValue>) => `${option.name}=${option.text}`,
  );
}

export function printAlias(alias: FieldAlias): string {
  return alias.alias
    ? `${printField(alias.field)} AS ${printField(alias.alias)}`
    : printField(alias.field);
}

export function printAggregation(aggregation: Aggregation): string {
  let text = aggregation.function;
  if (aggregation.parenthesized) {
    const argument = aggregation.argument;
    const inner =
      argument === undefined
        ? ''
        : argument.kind === 'EvalArgument'
          ? `eval(${printExpr(argument.expr)})`
          : printField(argument);
    text += `(${inner})`;
  }
  if (aggregation.alias)
    text += ` ${aggregation.aliasKeyword ?? 'as'} ${printField(aggregation.alias)}`;
  return text;
}

export function printBy(by: ByClause | undefined): string[] {
  if (!by) return [];
  const parts = [by.keyword, printFields(by.fields, ' ')];
  if (by.timeSpan) parts.push(`${by.timeSpan.name}=${by.timeSpan.text}`);
  return parts;
}

/** Joins non-empty parts with single spaces. */
export function words(...parts: (string | readonly string[] | undefined)[]): string {
  return parts
    .flat()
    .filter((p): p is string => p !== undefined && p !== '')
    .join(' ');
}

/** `- count`, `+ num(port)`, `user`. */
export function printSortKey(key: SortKey): string {
  const sign = key.explicitDirection ? (key.direction === 'desc' ? '- ' : '+ ') : '';
  const field =
    key.comparator === 'none'
      ? printField(key.field)
      : `${key.comparator}(${printField(key.field)})`;
  return `${sign}${field}`;
}
