// Compiles unary, binary and IN operator nodes, checking where booleans may and may not go.
import type { BinaryExpr, InExpr, UnaryExpr } from '../ast/expr.ts';
import type { EvalType } from '../value/eval-value.ts';
import type { ExprCompiler } from './compile-expr.ts';
import { EvalCode } from './eval-codes.ts';
import type { CompiledArg, Evaluator } from './eval-types.ts';
import { add, addStrings, arithmetic, concat, negate, unaryPlus } from './operators/arithmetic.ts';
import { compare } from './operators/comparison.ts';
import { isIn } from './operators/in-list.ts';
import { compileLikePattern } from './operators/like-pattern.ts';
import { likeValue } from './operators/like-value.ts';
import { and, not, or, xor } from './operators/logic.ts';

/** A compiled operator node before folding: its operands decide whether it is constant. */
export interface CompiledOperator {
  readonly evaluate: Evaluator;
  readonly type: EvalType;
  readonly fields: ReadonlySet<string>;
  readonly operands: readonly CompiledArg[];
}

const NOT_BOOLEAN: ReadonlySet<EvalType> = new Set(['number', 'string', 'multivalue']);

/** Reports an operand that can never be a boolean where a boolean is required. */
function requireBoolean(compiler: ExprCompiler, arg: CompiledArg, what: string): void {
  if (NOT_BOOLEAN.has(arg.type)) {
    compiler.report(
      EvalCode.booleanRequired,
      `${what} needs a boolean (a comparison or a function such as isnull()), not a ${arg.type}`,
      arg.expr.span,
    );
  }
}

/** Reports a boolean operand where a value is required ("booleans cannot be assigned"). */
function forbidBoolean(compiler: ExprCompiler, arg: CompiledArg, what: string): void {
  if (arg.type === 'boolean') {
    compiler.report(
      EvalCode.booleanNotAllowed,
      `${what} needs a value, not a boolean; wrap the condition in if(condition, value, value)`,
      arg.expr.span,
    );
  }
}

function fieldsOf(args: readonly CompiledArg[]): ReadonlySet<string> {
  const fields = new Set<string>();
  for (const arg of args) for (const f of arg.fields) fields.add(f);
  return fields;
}

export function compileUnary(compiler: ExprCompiler, expr: UnaryExpr): CompiledOperator {
  const operand = compiler.compile(expr.operand);
  const f = operand.evaluate;
  const base = { fields: operand.fields, operands: [operand] };
  switch (expr.op) {
    case 'NOT':
      requireBoolean(compiler, operand, 'NOT');
      return { ...base, type: 'boolean', evaluate: (e) => not(f(e)) };
    case '-':
      forbidBoolean(compiler, operand, 'unary -');
      return { ...base, type: 'number', evaluate: (e) => negate(f(e)) };
    case '+':
      forbidBoolean(compiler, operand, 'unary +');
      return { ...base, type: 'number', evaluate: (e) => unaryPlus(f(e)) };
  }
}

export function compileBinary(compiler: ExprCompiler, expr: BinaryExpr): CompiledOperator {
  const left = compiler.compile(expr.left);
  const right = compiler.compile(expr.right);
  const l = left.evaluate;
  const r = right.evaluate;
  const base = { fields: fieldsOf([left, right]), operands: [left, right] };
  const op = expr.op;
  switch (op) {
    case 'AND':
    case 'OR':
    case 'XOR':
      requireBoolean(compiler, left, op);
      requireBoolean(compiler, right, op);
      if (op === 'AND') return { ...base, type: 'boolean', evaluate: (e) => and(l(e), () => r(e)) };
      if (op === 'OR') return { ...base, type: 'boolean', evaluate: (e) => or(l(e), () => r(e)) };
      return { ...base, type: 'boolean', evaluate: (e) => xor(l(e), r(e)) };
    case '=':
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return { ...base, type: 'boolean', evaluate: (e) => compare(op, l(e), r(e)) };
    case 'LIKE': {
      forbidBoolean(compiler, left, 'LIKE');
      const pattern = right.constant?.value;
      if (typeof pattern === 'string') {
        const matches = compileLikePattern(pattern);
        return { ...base, type: 'boolean', evaluate: (e) => likeValue(l(e), matches) };
      }
      return { ...base, type: 'boolean', evaluate: (e) => likeValue(l(e), r(e)) };
    }
    case '+': {
      forbidBoolean(compiler, left, '+');
      forbidBoolean(compiler, right, '+');
      // A string literal or function result is a string, not a number that looks like one:
      // "1" + "2" is "12" ("The plus operator accepts two numbers for addition, or two strings
      // for concatenation", Search Reference, eval).
      if (left.type === 'string' || right.type === 'string') {
        return { ...base, type: 'string', evaluate: (e) => addStrings(l(e), r(e)) };
      }
      return { ...base, type: plusType(left.type, right.type), evaluate: (e) => add(l(e), r(e)) };
    }
    case '-':
    case '*':
    case '/':
    case '%':
      forbidBoolean(compiler, left, op);
      forbidBoolean(compiler, right, op);
      return { ...base, type: 'number', evaluate: (e) => arithmetic(op, l(e), r(e)) };
    case '.':
      forbidBoolean(compiler, left, '.');
      forbidBoolean(compiler, right, '.');
      return { ...base, type: 'string', evaluate: (e) => concat(l(e), r(e)) };
  }
}

function plusType(a: EvalType, b: EvalType): EvalType {
  if (a === 'number' && b === 'number') return 'number';
  if (a === 'string' && b === 'string') return 'any';
  return 'any';
}

export function compileIn(compiler: ExprCompiler, expr: InExpr): CompiledOperator {
  const operand = compiler.compile(expr.operand);
  const values = expr.values.map((v) => compiler.compile(v));
  forbidBoolean(compiler, operand, 'IN');
  const f = operand.evaluate;
  const evaluators = values.map((v) => v.evaluate);
  return {
    fields: fieldsOf([operand, ...values]),
    operands: [operand, ...values],
    type: 'boolean',
    evaluate: (e) => isIn(f(e), evaluators, e),
  };
}
