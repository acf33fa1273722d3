// The types shared by the eval compiler, the function registry and the aggregate registry.
import type { Event, SourceText, Span } from '../../core/index.ts';
import type { CallExpr, Expr } from '../ast/expr.ts';
import type { SearchExpr } from '../ast/search.ts';
import type { LookupProvider } from '../lookups/lookup-store.ts';
import type { EvalType, EvalValue } from '../value/eval-value.ts';

/** A compiled expression: computes its value for one event. */
export type Evaluator = (event: Event) => EvalValue;

/**
 * Time as eval sees it, in epoch seconds. `now()` is the time the search started and stays
 * the same for every event of a run; `time()` is the wall clock at each call (Search
 * Reference, "Date and Time functions").
 */
export interface EvalClock {
  readonly searchStart: () => number;
  readonly wallClock: () => number;
}

/** What the eval compiler may be given; everything is optional. */
export interface EvalCompileOptions {
  /** The text spans point into, attached to diagnostics. */
  readonly source?: SourceText;
  /** Defaults to the system clock, with `searchStart` fixed when the expression is compiled. */
  readonly clock?: EvalClock;
  /** Defaults to Math.random; `random()` returns an integer 0..2^31-1 from it. */
  readonly random?: () => number;
  /**
   * Parses the search-clause text given to `searchmatch()`; without it `searchmatch` is a
   * compile error. Throws a DiagnosticError on bad text.
   */
  readonly parseSearch?: (text: string) => SearchExpr;
  /** The lookups the lookup() function may name; without them lookup() is a compile error. */
  readonly lookups?: LookupProvider;
}

/** The result of compiling one expression. */
export interface CompiledExpr {
  readonly evaluate: Evaluator;
  /** The static type; `'any'` when it depends on field values. */
  readonly type: EvalType;
  /** Every field the expression reads (the engine extracts only those). */
  readonly fields: ReadonlySet<string>;
  /** Present when the whole expression folded to a constant. */
  readonly constant?: { readonly value: EvalValue };
}

/** One compiled argument of a call, given to the function's `compile`. */
export interface CompiledArg extends CompiledExpr {
  readonly expr: Expr;
}

/** A field bound to a value the function sets before each evaluation (mvfilter, mvmap). */
export interface BoundEvaluator {
  readonly evaluate: Evaluator;
  readonly slot: { value: EvalValue };
}

/** What a function's `compile` is handed for one call site. */
export interface CallSite {
  readonly call: CallExpr;
  readonly args: readonly CompiledArg[];
  readonly clock: EvalClock;
  readonly random: () => number;
  readonly parseSearch: ((text: string) => SearchExpr) | undefined;
  readonly lookups: LookupProvider | undefined;
  /** Compiles a node inside an argument again, on its own (problems were reported already). */
  compileAgain(expr: Expr): CompiledArg;
  /** The text of a node as written (a number literal's digits), when the source is known. */
  textOf(expr: Expr): string | undefined;
  /** Compiles argument `index` again with `field` read from a slot instead of the event. */
  bind(index: number, field: string): BoundEvaluator;
  /** Stops compiling this call with an error diagnostic (thrown, caught by the compiler). */
  fail(code: string, message: string, span?: Span): never;
}

/** One eval function in the registry (functions/index.ts). */
export interface EvalFunctionSpec {
  /** Lower-case canonical name. */
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` when variadic. */
  readonly maxArgs: number;
  readonly returns: EvalType;
  /** Same arguments, same result, no clock or randomness: the call may be folded. */
  readonly pure: boolean;
  /** One line for `spelunk functions` and error notes. */
  readonly summary: string;
  readonly compile: (site: CallSite) => Evaluator;
}
