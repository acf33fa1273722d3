// How SPL reads a number out of a field value, and how it writes a number back as text.
import type { Scalar } from '../../core/index.ts';

// Decimal with optional sign, fraction and exponent: what Splunk's eval and search take as a
// number in a field value ("7", "-1.5", ".5", "1e3"). Surrounding spaces, hex and "inf" do not
// count: such values stay strings in arithmetic and comparison (hex goes through tonumber(x,16)).
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a string spells, or `undefined` when it is not numeric-looking. */
export function parseNumber(text: string): number | undefined {
  if (text.length === 0 || text.length > 400) return undefined;
  const first = text.charCodeAt(0);
  // Fast reject: a numeric string starts with a digit, a sign or a dot.
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) {
    return undefined;
  }
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A scalar as a number: numbers as they are, numeric-looking strings parsed, else undefined. */
export function scalarToNumber(value: Scalar | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  return parseNumber(value);
}

/**
 * A number as Splunk prints it: integers without a fraction or exponent, other values with
 * the shortest digits that round-trip (Splunk shows the binary noise too: 100 × 3.99 averaged
 * is "3.9900000000000055", Search Reference, avg).
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) {
    return Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  }
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  return String(value);
}

/** A scalar as text: strings as they are, numbers through formatNumber. */
export function scalarToString(value: Scalar): string {
  return typeof value === 'string' ? value : formatNumber(value);
}

/**
 * A field value of "NaN" is both a string and a number (Search Reference, Informational
 * functions: "When a field contains a NaN string, the NaN behaves as both a string and a
 * number"): arithmetic reads it as NaN.
 */
export function arithmeticNumber(value: Scalar | undefined): number | undefined {
  return value === 'NaN' ? Number.NaN : scalarToNumber(value);
}
