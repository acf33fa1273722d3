// Prints eval expressions with the fewest parentheses the parser's binding powers allow.
import { quoteString } from '../../lexer/quoted.ts';
import type { Expr } from '../expr.ts';

const POWER: Readonly<Record<string, number>> = {
  XOR: 1,
  OR: 2,
  AND: 3,
  '=': 5,
  '==': 5,
  '!=': 5,
  '<': 5,
  '<=': 5,
  '>': 5,
  '>=': 5,
  LIKE: 5,
  '+': 6,
  '-': 6,
  '.': 6,
  '*': 7,
  '/': 7,
  '%': 7,
};
const NOT_POWER = 4;
const IN_POWER = 5;
const UNARY_POWER = 8;
const ATOM_POWER = 9;

function powerOf(expr: Expr): number {
  switch (expr.kind) {
    case 'Binary':
      return POWER[expr.op] ?? 0;
    case 'Unary':
      return expr.op === 'NOT' ? NOT_POWER : UNARY_POWER;
    case 'In':
      return IN_POWER;
    default:
      return ATOM_POWER;
  }
}

function wrap(expr: Expr, minPower: number): string {
  const text = printExpr(expr);
  return powerOf(expr) < minPower ? `(${text})` : text;
}

/** `'name'` with `'` and `\` escaped. */
export function printQuotedField(name: string): string {
  return quoteString(name, "'");
}

export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'String':
      return expr.raw ?? quoteString(expr.value);
    case 'Number':
      return expr.text;
    case 'Field':
      return expr.quoted ? printQuotedField(expr.name) : expr.name;
    case 'Call':
      return `${expr.name}(${expr.args.map(printExpr).join(', ')})`;
    case 'In':
      return `${wrap(expr.operand, IN_POWER + 1)} IN (${expr.values.map(printExpr).join(', ')})`;
    case 'Unary':
      return expr.op === 'NOT'
        ? `NOT ${wrap(expr.operand, NOT_POWER)}`
        : `${expr.op}${wrap(expr.operand, UNARY_POWER)}`;
    case 'Binary': {
      const power = POWER[expr.op] ?? 0;
      const left = wrap(expr.left, power);
      const right = wrap(expr.right, power + 1);
      return expr.op === '=' ? `${left}=${right}` : `${left} ${expr.op} ${right}`;
    }
    case 'Array':
      return `[${expr.elements.map(printExpr).join(', ')}]`;
    case 'Object':
      return `{${expr.members.map((m) => `${m.keyText}: ${printExpr(m.value)}`).join(', ')}}`;
  }
}
