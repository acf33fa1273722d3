// Bitwise functions (Search Reference, "Bitwise functions"): on integers from 0 to 2^53-1 only;
// anything else (negative, fractional, larger, not a number) gives null.
import type { EvalValue } from '../../value/eval-value.ts';
import type { EvalFunctionSpec } from '../eval-types.ts';
import { defineValueFunction, num } from './define.ts';

const MAX = (1n << 53n) - 1n;

function operand(value: EvalValue): bigint | undefined {
  const n = num(value);
  if (n === undefined || !Number.isInteger(n) || n < 0 || n > Number.MAX_SAFE_INTEGER) {
    return undefined;
  }
  return BigInt(n);
}

function fold(
  name: string,
  summary: string,
  op: (a: bigint, b: bigint) => bigint,
): EvalFunctionSpec {
  return defineValueFunction({
    name,
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    returns: 'number',
    summary,
    apply: (args) => {
      let result: bigint | undefined;
      for (const arg of args) {
        const value = operand(arg);
        if (value === undefined) return undefined;
        result = result === undefined ? value : op(result, value);
      }
      return result === undefined ? undefined : Number(result & MAX);
    },
  });
}

/** A shift by more than 53 bits leaves 0: the bits fall off the 53-bit range. */
function shift(name: string, summary: string, left: boolean): EvalFunctionSpec {
  return defineValueFunction({
    name,
    minArgs: 2,
    maxArgs: 2,
    returns: 'number',
    summary,
    apply: ([value, offset]) => {
      const v = operand(value);
      const by = operand(offset);
      if (v === undefined || by === undefined) return undefined;
      if (by > 53n) return 0;
      return Number((left ? v << by : v >> by) & MAX);
    },
  });
}

const bitNotFunction = defineValueFunction({
  name: 'bit_not',
  minArgs: 1,
  maxArgs: 2,
  returns: 'number',
  summary: 'bit_not(X[, bitmask]): every bit of X inverted, ANDed with the mask (default 2^53-1)',
  apply: ([value, mask]) => {
    const v = operand(value);
    const m = mask === undefined ? MAX : operand(mask);
    if (v === undefined || m === undefined) return undefined;
    return Number(~v & MAX & m);
  },
});

export const bitwiseFunctions: readonly EvalFunctionSpec[] = [
  fold('bit_and', 'bit_and(X, Y, ...): bitwise AND', (a, b) => a & b),
  fold('bit_or', 'bit_or(X, Y, ...): bitwise OR', (a, b) => a | b),
  fold('bit_xor', 'bit_xor(X, Y, ...): bitwise XOR', (a, b) => a ^ b),
  bitNotFunction,
  shift('bit_shift_left', 'bit_shift_left(X, N): X shifted left N bits, within 53 bits', true),
  shift('bit_shift_right', 'bit_shift_right(X, N): X shifted right N bits', false),
];
