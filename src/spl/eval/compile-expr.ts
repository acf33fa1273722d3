// Compiles an eval/where expression (spl/ast/expr.ts) into a closure over one event.
import {
  assertNever,
  type Diagnostic,
  error,
  failed,
  fieldReader,
  type Result,
  type Span,
  succeeded,
} from '../../core/index.ts';
import { KNOWN_EVAL_FUNCTIONS } from '../analyze/known-functions.ts';
import type { BinaryExpr, CallExpr, Expr, InExpr, UnaryExpr } from '../ast/expr.ts';
import type { EvalValue } from '../value/eval-value.ts';
import { literalValue } from '../value/number-precision.ts';
import { compileJsonLiteral } from './compile-json-literal.ts';
import { compileBinary, compileIn, compileUnary } from './compile-operators.ts';
import { constantArg, unionFields } from './compiled-arg.ts';
import { EvalCode } from './eval-codes.ts';
import type {
  BoundEvaluator,
  CallSite,
  CompiledArg,
  CompiledExpr,
  EvalClock,
  EvalCompileOptions,
  Evaluator,
} from './eval-types.ts';
import { lookupFunction } from './functions/index.ts';

/** Thrown by CallSite.fail and caught around the call that raised it. */
class CallCompileError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.diagnostic = diagnostic;
  }
}

/** Compile-time state for one expression: options, collected problems, bound fields. */
export interface ExprCompiler {
  readonly options: EvalCompileOptions;
  readonly clock: EvalClock;
  readonly random: () => number;
  readonly diagnostics: Diagnostic[];
  readonly bindings: ReadonlyMap<string, { value: EvalValue }>;
  report(code: string, message: string, span: Span): void;
  compile(expr: Expr): CompiledArg;
}

/**
 * Compiles `expr`: field reads resolved once, constants folded, regexes and patterns built
 * once, unknown functions, wrong arity, bad regexes and misplaced booleans reported with spans.
 */
export function compileExpr(expr: Expr, options: EvalCompileOptions = {}): Result<CompiledExpr> {
  const compiler = createCompiler(options, new Map());
  const compiled = compiler.compile(expr);
  if (compiler.diagnostics.length > 0) return failed(compiler.diagnostics);
  const { expr: _expr, ...value } = compiled;
  return succeeded(value);
}

function defaultClock(): EvalClock {
  const start = Date.now() / 1000;
  return { searchStart: () => start, wallClock: () => Date.now() / 1000 };
}

function createCompiler(
  options: EvalCompileOptions,
  bindings: ReadonlyMap<string, { value: EvalValue }>,
  shared?: ExprCompiler,
): ExprCompiler {
  const diagnostics = shared?.diagnostics ?? [];
  const compiler: ExprCompiler = {
    options,
    clock: shared?.clock ?? options.clock ?? defaultClock(),
    random: shared?.random ?? options.random ?? Math.random,
    diagnostics,
    bindings,
    report(code, message, span) {
      diagnostics.push(
        error(code, message, { span, ...(options.source ? { source: options.source } : {}) }),
      );
    },
    compile: (node) => compileNode(compiler, node),
  };
  return compiler;
}

function compileNode(compiler: ExprCompiler, expr: Expr): CompiledArg {
  switch (expr.kind) {
    case 'String':
      return constantArg(expr, expr.value, 'string');
    case 'Number': {
      // A number written with a decimal point keeps its digits (its precision): "5.0", "0.50".
      const written = compiler.options.source?.text.slice(expr.span.start, expr.span.end);
      return constantArg(expr, literalValue(expr.value, written), 'number');
    }
    case 'Field':
      return compileField(compiler, expr.name, expr);
    case 'Call':
      return compileCall(compiler, expr);
    case 'Unary':
      return foldIfConstant(expr, compileUnary(compiler, expr as UnaryExpr));
    case 'Binary':
      return foldIfConstant(expr, compileBinary(compiler, expr as BinaryExpr));
    case 'In':
      return foldIfConstant(expr, compileIn(compiler, expr as InExpr));
    case 'Array':
    case 'Object':
      return foldIfConstant(expr, compileJsonLiteral(compiler, expr));
    default:
      return assertNever(expr, 'expression kind');
  }
}

function compileField(compiler: ExprCompiler, name: string, expr: Expr): CompiledArg {
  const slot = compiler.bindings.get(name);
  if (slot) return { expr, evaluate: () => slot.value, type: 'any', fields: new Set([name]) };
  return { expr, evaluate: fieldReader(name), type: 'any', fields: new Set([name]) };
}

/** Operator nodes: fold to a constant when every operand is one (none reads the clock). */
function foldIfConstant(
  expr: Expr,
  compiled: Omit<CompiledArg, 'expr'> & { operands: readonly CompiledArg[] },
): CompiledArg {
  const { operands, ...rest } = compiled;
  if (operands.length > 0 && operands.every((o) => o.constant !== undefined)) {
    return constantArg(expr, rest.evaluate({}), rest.type);
  }
  return { expr, ...rest };
}

function compileCall(compiler: ExprCompiler, call: CallExpr): CompiledArg {
  const failed: CompiledArg = {
    expr: call,
    evaluate: () => undefined,
    type: 'any',
    fields: new Set(),
  };
  const spec = lookupFunction(call.name);
  const args = call.args.map((arg) => compiler.compile(arg));
  const fields = unionFields(args);
  if (!spec) {
    const documented = KNOWN_EVAL_FUNCTIONS.has(call.name.toLowerCase());
    compiler.report(
      EvalCode.unknownFunction,
      documented
        ? `eval function "${call.name}" is not supported by spelunk`
        : `unknown eval function "${call.name}"`,
      call.nameSpan,
    );
    return { ...failed, fields };
  }
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    compiler.report(
      EvalCode.arity,
      `${spec.name}() takes ${arityText(spec.minArgs, spec.maxArgs)}, got ${args.length}`,
      call.span,
    );
    return { ...failed, fields };
  }
  const site: CallSite = {
    call,
    args,
    clock: compiler.clock,
    random: compiler.random,
    parseSearch: compiler.options.parseSearch,
    lookups: compiler.options.lookups,
    compileAgain: (node) =>
      createCompiler(compiler.options, compiler.bindings, { ...compiler, diagnostics: [] }).compile(
        node,
      ),
    textOf: (node) => compiler.options.source?.text.slice(node.span.start, node.span.end),
    bind: (index, field) => bindArgument(compiler, call, index, field),
    fail: (code, message, span) => {
      throw new CallCompileError(
        error(code, message, {
          span: span ?? call.span,
          ...(compiler.options.source ? { source: compiler.options.source } : {}),
        }),
      );
    },
  };
  let evaluate: Evaluator;
  try {
    evaluate = spec.compile(site);
  } catch (caught) {
    if (!(caught instanceof CallCompileError)) throw caught;
    compiler.diagnostics.push(caught.diagnostic);
    return { ...failed, fields };
  }
  if (spec.pure && args.every((a) => a.constant !== undefined)) {
    return constantArg(call, evaluate({}), spec.returns);
  }
  return { expr: call, evaluate, type: spec.returns, fields };
}

function bindArgument(
  compiler: ExprCompiler,
  call: CallExpr,
  index: number,
  field: string,
): BoundEvaluator {
  const arg = call.args[index];
  if (!arg) throw new Error(`bind: ${call.name}() has no argument ${index}`);
  const slot: { value: EvalValue } = { value: undefined };
  const bindings = new Map(compiler.bindings);
  bindings.set(field, slot);
  // Problems were already reported when the argument was first compiled.
  const scoped = createCompiler(compiler.options, bindings, { ...compiler, diagnostics: [] });
  return { evaluate: scoped.compile(arg).evaluate, slot };
}

function arityText(min: number, max: number): string {
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  if (max === Number.POSITIVE_INFINITY) return `at least ${min} ${plural(min)}`;
  if (min === max) return `${min} ${plural(min)}`;
  return `${min} to ${max} arguments`;
}
