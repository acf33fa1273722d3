// The precision of eval numbers (Search Reference, eval, "Rounding": results are rounded to the
// precision of the least precise input, so 8.250 * 0.2 is 2, 8.250 * 0.20 is 1.7 and
// 8.250 * exact(0.2) is 1.650; "Trig and Hyperbolic functions": atan(0.50) is 0.46).
//
// A number written with a decimal point keeps its digits: it travels as its text ("5.0", "0.50"),
// numeric everywhere, and the text says how precise it is. Whole numbers, computed numbers and
// exact() are exact: they never limit a result.
import type { Scalar } from '../../core/index.ts';
import { formatNumber } from './number.ts';
import { decimalPlaces, significantFigures } from './significant-figures.ts';

/** Significant figures and decimal places of a value, or undefined when it is exact. */
export interface Precision {
  readonly figures: number;
  readonly places: number;
}

/** Decimal text such as "5.0", "-0.50", ".25" (not "1e3", not "12"). */
const DECIMAL_TEXT = /^[+-]?(?:\d+\.\d*|\.\d+)$/;

/** How precise a value is: text written with a decimal point is; everything else is exact. */
export function precisionOf(value: Scalar | undefined): Precision | undefined {
  if (typeof value !== 'string' || !DECIMAL_TEXT.test(value)) return undefined;
  return { figures: significantFigures(value), places: decimalPlaces(value) };
}

/** The precision of a product or quotient: the fewest significant figures of the limited sides. */
export function productPrecision(
  a: Precision | undefined,
  b: Precision | undefined,
): Precision | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a.figures <= b.figures ? a : b;
}

/** The precision of a sum or difference: the fewest decimal places of the limited sides. */
export function sumPrecision(
  a: Precision | undefined,
  b: Precision | undefined,
): Precision | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a.places <= b.places ? a : b;
}

/**
 * `x` to `figures` significant figures, as text that keeps its trailing zeros (1.650,
 * -1.00000000000); digits before the point are never cut (1111 * 1.00 is 1111), so a result
 * with more whole digits than figures is a whole number.
 */
export function withFigures(x: number, figures: number): Scalar {
  if (!Number.isFinite(x)) return x;
  const whole = x === 0 ? 1 : Math.floor(Math.log10(Math.abs(x))) + 1;
  if (whole >= figures) return Math.round(x);
  return x.toPrecision(Math.min(Math.max(figures, 1), 100));
}

/** `x` with `places` decimal places, as text (123.0 + 4.567 is 127.6). */
export function withPlaces(x: number, places: number): Scalar {
  if (!Number.isFinite(x)) return x;
  return places <= 0 ? Math.round(x) : x.toFixed(Math.min(places, 100));
}

/** A result of the given precision: exact results stay numbers. */
export function withFiguresOf(x: number, precision: Precision | undefined): Scalar {
  return precision === undefined ? x : withFigures(x, precision.figures);
}

/** The text a number literal keeps: its digits as written when it has a decimal point. */
export function literalValue(value: number, written: string | undefined): Scalar {
  if (written === undefined || !DECIMAL_TEXT.test(written) || written.endsWith('.')) return value;
  return written.startsWith('.') ? `0${written}` : written;
}

/** A double's text: a whole number shows one decimal (todouble(5) is 5.0). */
export function asDouble(x: number): Scalar {
  return Number.isInteger(x) && Number.isFinite(x) ? `${formatNumber(x)}.0` : x;
}
