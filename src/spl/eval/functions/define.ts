// Helpers that turn a plain function over argument values into an EvalFunctionSpec.
import type { Scalar } from '../../../core/index.ts';
import { type EvalType, type EvalValue, firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber } from '../../value/number.ts';
import { precisionOf, withFiguresOf } from '../../value/number-precision.ts';
import type { CallSite, EvalFunctionSpec, Evaluator } from '../eval-types.ts';

export interface ValueFunctionDefinition {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly returns: EvalType;
  readonly summary: string;
  /** Defaults to true. */
  readonly pure?: boolean;
  /** Called with every argument evaluated; the array is reused between calls. */
  readonly apply: (args: readonly EvalValue[]) => EvalValue;
}

/** A function whose arguments are all evaluated before it runs (most of the library). */
export function defineValueFunction(definition: ValueFunctionDefinition): EvalFunctionSpec {
  const { apply } = definition;
  return {
    name: definition.name,
    minArgs: definition.minArgs,
    maxArgs: definition.maxArgs,
    returns: definition.returns,
    pure: definition.pure ?? true,
    summary: definition.summary,
    compile: (site: CallSite): Evaluator => evaluateArgsThen(site, apply),
  };
}

/** Evaluates every argument into one reused buffer, then applies `apply` to it. */
export function evaluateArgsThen(
  site: CallSite,
  apply: (args: readonly EvalValue[]) => EvalValue,
): Evaluator {
  const evaluators = site.args.map((arg) => arg.evaluate);
  const buffer: EvalValue[] = new Array<EvalValue>(evaluators.length);
  switch (evaluators.length) {
    case 0:
      return () => apply(buffer);
    case 1: {
      const [a] = evaluators as [Evaluator];
      return (event) => {
        buffer[0] = a(event);
        return apply(buffer);
      };
    }
    case 2: {
      const [a, b] = evaluators as [Evaluator, Evaluator];
      return (event) => {
        buffer[0] = a(event);
        buffer[1] = b(event);
        return apply(buffer);
      };
    }
    default:
      return (event) => {
        for (let i = 0; i < evaluators.length; i++) buffer[i] = (evaluators[i] as Evaluator)(event);
        return apply(buffer);
      };
  }
}

/**
 * Applies a one-value transform to every value of a multivalue argument (Splunk's string
 * functions keep a multivalue field multivalue) and to a single value as it is; null stays null.
 */
export function mapValues(
  value: EvalValue,
  transform: (value: Scalar) => Scalar | undefined,
): EvalValue {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (typeof value !== 'object') return transform(value);
  const out: Scalar[] = [];
  for (const item of value) {
    const mapped = transform(item);
    if (mapped !== undefined) out.push(mapped);
  }
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}

/** The constant value of argument `index`, when it folded to one. */
export function constantArg(
  site: CallSite,
  index: number,
): { readonly value: EvalValue } | undefined {
  return site.args[index]?.constant;
}

/** The number an argument holds (its first value), or undefined. */
export function num(value: EvalValue): number | undefined {
  return scalarToNumber(firstScalar(value));
}

/** A finite result or null: Splunk gives no value for sqrt(-1), ln(0) or acos(2). */
export function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A one-number function: null when the argument is not a number or the result not finite. With
 * `keepsPrecision` the result has the significant figures of its argument (atan(0.50) is 0.46).
 */
export function unaryNumeric(
  name: string,
  summary: string,
  f: (x: number) => number,
  keepsPrecision = false,
): EvalFunctionSpec {
  return defineValueFunction({
    name,
    minArgs: 1,
    maxArgs: 1,
    returns: 'number',
    summary,
    apply: ([x]) => {
      const value = firstScalar(x);
      const n = scalarToNumber(value);
      if (n === undefined) return undefined;
      const result = finite(f(n));
      if (result === undefined || !keepsPrecision) return result;
      return withFiguresOf(result, precisionOf(value));
    },
  });
}
