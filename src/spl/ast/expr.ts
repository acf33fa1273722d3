// The eval/where expression language: kind-tagged, readonly, every node spanned.
// Produced by spl/parser, compiled to closures by spl/eval (docs/architecture.md).
import type { Span } from '../../core/index.ts';

export type Expr =
  | StringLiteral
  | NumberLiteral
  | FieldRef
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | InExpr
  | ArrayLiteral
  | ObjectLiteral;

/** `"text"`: escapes (`\"`, `\\`) already resolved in `value`. */
export interface StringLiteral {
  readonly kind: 'String';
  readonly value: string;
  /** Exactly as written, quotes included; the printer keeps it. */
  readonly raw?: string;
  readonly span: Span;
}

export interface NumberLiteral {
  readonly kind: 'Number';
  readonly value: number;
  /** As written, so the printer round-trips `1.50` and `0x1F`. */
  readonly text: string;
  readonly span: Span;
}

/** A field: bare `process_name`, `Processes.process`, or single-quoted `'Search Name'`. */
export interface FieldRef {
  readonly kind: 'Field';
  readonly name: string;
  readonly quoted: boolean;
  readonly span: Span;
}

/** `name(args)`. Function names are case-insensitive; `name` keeps the spelling as written. */
export interface CallExpr {
  readonly kind: 'Call';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly nameSpan: Span;
  readonly span: Span;
}

export type UnaryOperator = 'NOT' | '-' | '+';

export interface UnaryExpr {
  readonly kind: 'Unary';
  readonly op: UnaryOperator;
  readonly operand: Expr;
  readonly span: Span;
}

/** `.` is string concatenation; `=` and `==` are both equality; `LIKE` is the operator form. */
export type BinaryOperator =
  | 'OR'
  | 'XOR'
  | 'AND'
  | '='
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'LIKE'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '.';

export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `operand IN (v1, v2, ...)` inside eval/where. */
export interface InExpr {
  readonly kind: 'In';
  readonly operand: Expr;
  readonly values: readonly Expr[];
  readonly span: Span;
}

/**
 * `[a, b, ...]`: an SPL 10 array literal (Search Manual, "Array and object literals in
 * expressions"); its value is the array's compact JSON text. Inside a literal the bare words
 * `true`, `false` and `null` are JSON's constants.
 */
export interface ArrayLiteral {
  readonly kind: 'Array';
  readonly elements: readonly Expr[];
  readonly span: Span;
}

/** `{key: value, ...}`: an SPL 10 object literal; its value is the object's compact JSON text. */
export interface ObjectLiteral {
  readonly kind: 'Object';
  readonly members: readonly ObjectMember[];
  readonly span: Span;
}

/** One `key: value` of an object literal; the key is bare, `'single'` or `"double"` quoted. */
export interface ObjectMember {
  readonly key: string;
  /** The key as written, quotes included; the printer keeps it. */
  readonly keyText: string;
  readonly keySpan: Span;
  readonly value: Expr;
}
