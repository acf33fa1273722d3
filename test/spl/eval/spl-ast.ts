// Small builders for eval and search AST nodes, so semantics tests do not depend on the parser.
import type { BinaryOperator, Expr } from '../../../src/spl/ast/expr.ts';
import type { SearchComparator, SearchExpr, SearchValue } from '../../../src/spl/ast/search.ts';

const at = (start = 0, end = 1) => ({ start, end });

export const str = (value: string): Expr => ({ kind: 'String', value, span: at() });
export const num = (value: number): Expr => ({
  kind: 'Number',
  value,
  text: String(value),
  span: at(),
});
export const field = (name: string): Expr => ({ kind: 'Field', name, quoted: false, span: at() });
export const call = (name: string, ...args: Expr[]): Expr => ({
  kind: 'Call',
  name,
  args,
  nameSpan: at(0, name.length),
  span: at(0, name.length + 2),
});
export const bin = (left: Expr, op: BinaryOperator, right: Expr): Expr => ({
  kind: 'Binary',
  op,
  left,
  right,
  span: at(),
});
export const not = (operand: Expr): Expr => ({ kind: 'Unary', op: 'NOT', operand, span: at() });
export const neg = (operand: Expr): Expr => ({ kind: 'Unary', op: '-', operand, span: at() });
export const inList = (operand: Expr, ...values: Expr[]): Expr => ({
  kind: 'In',
  operand,
  values,
  span: at(),
});

export function value(text: string, options: Partial<SearchValue> = {}): SearchValue {
  return { text, quoted: false, caseSensitive: false, term: false, span: at(), ...options };
}
export const cmp = (
  name: string,
  op: SearchComparator,
  text: string,
  options: Partial<SearchValue> = {},
): SearchExpr => ({
  kind: 'SearchComparison',
  field: name,
  fieldSpan: at(),
  op,
  value: value(text, options),
  span: at(),
});
export const and = (...operands: SearchExpr[]): SearchExpr => ({
  kind: 'SearchAnd',
  operands,
  span: at(),
});
export const or = (...operands: SearchExpr[]): SearchExpr => ({
  kind: 'SearchOr',
  operands,
  span: at(),
});
export const snot = (operand: SearchExpr): SearchExpr => ({
  kind: 'SearchNot',
  operand,
  span: at(),
});
export const term = (text: string, options: Partial<SearchValue> = {}): SearchExpr => ({
  kind: 'SearchTerm',
  value: value(text, options),
  span: at(),
});
export const sin = (name: string, ...texts: string[]): SearchExpr => ({
  kind: 'SearchIn',
  field: name,
  fieldSpan: at(),
  values: texts.map((t) => value(t)),
  span: at(),
});
