// Significant figures and decimal places of numbers as written, for sigfig() (Search Reference,
// "Mathematical functions": products keep the fewest significant figures of their operands, sums
// the fewest decimal places). Rounding is half away from zero on the decimal digits, as written.
import { formatNumber } from './number.ts';

/** Significant figures of a number's text: "1.00" has 3, "0.20" 2, "1111" 4, "100" 1. */
export function significantFigures(text: string): number {
  const body = text
    .trim()
    .replace(/^[+-]/, '')
    .replace(/[eE].*$/, '');
  const digits = body.replace('.', '').replace(/^0+/, '');
  if (digits === '') return 1;
  return body.includes('.') ? digits.length : digits.replace(/0+$/, '').length || 1;
}

/** Digits after the decimal point of a number's text: "123.0" has 1, "4.567" 3, "12" 0. */
export function decimalPlaces(text: string): number {
  const body = text.trim().replace(/[eE].*$/, '');
  const point = body.indexOf('.');
  return point < 0 ? 0 : body.length - point - 1;
}

/** `x` rounded to `figures` significant figures (1110 for 1111 at 3). */
export function roundSignificant(x: number, figures: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  return roundDecimals(x, figures - 1 - magnitude);
}

/** `x` rounded to `places` decimal places (negative places round to tens, hundreds, ...). */
export function roundDecimals(x: number, places: number): number {
  if (!Number.isFinite(x)) return x;
  const [mantissa, exponent = '0'] = Math.abs(x).toExponential().split('e') as [string, string];
  // Shift the decimal point by text, so 1.65 stays 1.65 instead of 1.649999...
  const shifted = Number(`${mantissa}e${Number(exponent) + places}`);
  const rounded = Math.round(shifted); // x is not negative here: halves go away from zero
  return Math.sign(x) * Number(`${formatNumber(rounded)}e${-places}`);
}
