// Parses pySigma's extended temporal condition: rule names joined by and/or/not and parentheses.
import type { RuleRefExpr } from '../model/rule.ts';

const TOKEN = /\s*(\(|\)|[A-Za-z_][A-Za-z0-9_]*|\S)/y;
const MAX_DEPTH = 100;

/** The expression, or an error message. */
export function parseRuleRefExpression(text: string): RuleRefExpr | string {
  const tokens: string[] = [];
  let position = 0;
  for (;;) {
    TOKEN.lastIndex = position;
    const m = TOKEN.exec(text);
    if (!m) break;
    tokens.push(m[1] ?? '');
    position = TOKEN.lastIndex;
  }
  if (text.slice(position).trim() !== '') return `cannot read "${text}"`;
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const parseOr = (depth: number): RuleRefExpr | string => {
    const args: RuleRefExpr[] = [];
    for (;;) {
      const a = parseAnd(depth);
      if (typeof a === 'string') return a;
      args.push(a);
      if (peek() !== 'or') break;
      i++;
    }
    return args.length === 1 ? (args[0] as RuleRefExpr) : { kind: 'or', args };
  };
  const parseAnd = (depth: number): RuleRefExpr | string => {
    const args: RuleRefExpr[] = [];
    for (;;) {
      const a = parseNot(depth);
      if (typeof a === 'string') return a;
      args.push(a);
      if (peek() !== 'and') break;
      i++;
    }
    return args.length === 1 ? (args[0] as RuleRefExpr) : { kind: 'and', args };
  };
  const parseNot = (depth: number): RuleRefExpr | string => {
    if (depth > MAX_DEPTH) return 'the expression nests too deeply';
    const token = tokens[i++];
    if (token === 'not') {
      const arg = parseNot(depth + 1);
      return typeof arg === 'string' ? arg : { kind: 'not', arg };
    }
    if (token === '(') {
      const inner = parseOr(depth + 1);
      if (tokens[i++] !== ')') return 'missing ")"';
      return inner;
    }
    if (token === undefined) return 'unexpected end';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(token) || token === 'and' || token === 'or') {
      return `unexpected "${token}"`;
    }
    return { kind: 'ref', name: token };
  };
  const expr = parseOr(0);
  if (typeof expr !== 'string' && i < tokens.length) return `unexpected "${tokens[i]}"`;
  return expr;
}

export function ruleRefNames(expr: RuleRefExpr): string[] {
  const names: string[] = [];
  const visit = (e: RuleRefExpr): void => {
    if (e.kind === 'ref') {
      if (!names.includes(e.name)) names.push(e.name);
    } else if (e.kind === 'not') visit(e.arg);
    else for (const a of e.args) visit(a);
  };
  visit(expr);
  return names;
}
