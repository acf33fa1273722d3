// Prints search clauses: OR groups inside an AND are parenthesised, as people write them.
import { quoteString } from '../../lexer/quoted.ts';
import type { Quoting } from '../common.ts';
import type { SearchExpr, SearchValue } from '../search.ts';

function printSearchValue(value: SearchValue): string {
  if (value.raw !== undefined) return value.raw;
  const inner = value.quoted ? quoteString(value.text) : value.text;
  if (value.caseSensitive) return `CASE(${inner})`;
  if (value.term) return `TERM(${inner})`;
  return inner;
}

function printSearchField(field: string, quoting: Quoting | undefined): string {
  return quoting === 'double' ? quoteString(field) : field;
}

/** `printPipeline` is passed in to print subsearches without an import cycle. */
export function printSearch(
  expr: SearchExpr,
  printSubsearch: (s: SearchExpr & { kind: 'SearchSubsearch' }) => string,
): string {
  const recurse = (e: SearchExpr): string => printSearch(e, printSubsearch);
  switch (expr.kind) {
    case 'SearchAnd':
      return expr.operands
        .map((operand) =>
          operand.kind === 'SearchAnd'
            ? `(${recurse(operand)})`
            : operand.kind === 'SearchOr'
              ? `(${recurse(operand)})`
              : recurse(operand),
        )
        .join(' ');
    case 'SearchOr':
      return expr.operands
        .map((operand) =>
          operand.kind === 'SearchAnd' || operand.kind === 'SearchOr'
            ? `(${recurse(operand)})`
            : recurse(operand),
        )
        .join(' OR ');
    case 'SearchNot': {
      const operand = expr.operand;
      const inner =
        operand.kind === 'SearchAnd' || operand.kind === 'SearchOr'
          ? `(${recurse(operand)})`
          : recurse(operand);
      return `NOT ${inner}`;
    }
    case 'SearchComparison':
      return `${printSearchField(expr.field, expr.fieldQuoting)}${expr.op}${printSearchValue(expr.value)}`;
    case 'SearchIn':
      return `${printSearchField(expr.field, expr.fieldQuoting)} IN (${expr.values.map(printSearchValue).join(', ')})`;
    case 'SearchTerm':
      return printSearchValue(expr.value);
    case 'SearchSubsearch':
      return printSubsearch(expr);
  }
}
