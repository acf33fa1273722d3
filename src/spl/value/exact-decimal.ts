// Decimal rounding of doubles as C's printf does it: on the exact binary value, ties to even
// (JavaScript's toFixed and toExponential round ties up: (2.25).toFixed(1) is "2.3", C gives 2.2).

interface Digits {
  /** Significant digits, no leading zeros ("" for zero). */
  readonly digits: string;
  /** Where the decimal point goes: value = 0.<digits> × 10^point. */
  readonly point: number;
}

/** The exact decimal expansion of a finite, non-negative double. */
function exactDigits(abs: number): Digits {
  if (abs === 0) return { digits: '', point: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, abs);
  const high = view.getUint32(0);
  const biased = high >>> 20;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = (biased === 0 ? -1022 : biased - 1023) - 52;
  if (exponent >= 0) {
    const text = (mantissa << BigInt(exponent)).toString();
    return { digits: text.replace(/0+$/, ''), point: text.length };
  }
  // mantissa / 2^k = mantissa × 5^k / 10^k
  const k = -exponent;
  const text = (mantissa * 5n ** BigInt(k)).toString();
  const trimmed = text.replace(/0+$/, '');
  return { digits: trimmed, point: text.length - k };
}

/** Keeps `keep` leading digits, rounding the rest half to even; the point moves on a carry. */
function roundTo(value: Digits, keep: number): Digits {
  if (keep >= value.digits.length) return value;
  if (keep < 0) return { digits: '', point: value.point };
  const kept = value.digits.slice(0, keep);
  const next = value.digits.charCodeAt(keep) - 48;
  const tail = value.digits.slice(keep + 1);
  const lastOdd = keep > 0 && (value.digits.charCodeAt(keep - 1) - 48) % 2 === 1;
  const up = next > 5 || (next === 5 && (tail.length > 0 || lastOdd));
  if (!up) return { digits: kept.replace(/0+$/, ''), point: value.point };
  const raised = (BigInt(kept || '0') + 1n).toString();
  const carried = raised.length > keep;
  return { digits: raised.replace(/0+$/, ''), point: value.point + (carried ? 1 : 0) };
}

/** Like (abs).toFixed(fraction), ties to even. */
export function toFixedEven(abs: number, fraction: number): string {
  const exact = exactDigits(abs);
  const rounded = roundTo(exact, exact.point + fraction);
  const all = rounded.digits.padEnd(rounded.point + fraction, '0');
  const whole = rounded.point > 0 ? all.slice(0, rounded.point) : '0';
  const frac = rounded.point > 0 ? all.slice(rounded.point) : '0'.repeat(-rounded.point) + all;
  const fracText = frac.slice(0, fraction).padEnd(fraction, '0');
  return fraction > 0 ? `${whole}.${fracText}` : whole;
}

/** Like (abs).toExponential(fraction) split in mantissa text and decimal exponent, ties to even. */
export function toExponentialEven(
  abs: number,
  fraction: number,
): { mantissa: string; exponent: number } {
  if (abs === 0) return { mantissa: fraction > 0 ? `0.${'0'.repeat(fraction)}` : '0', exponent: 0 };
  const rounded = roundTo(exactDigits(abs), fraction + 1);
  const digits = rounded.digits.padEnd(fraction + 1, '0');
  const mantissa = fraction > 0 ? `${digits[0]}.${digits.slice(1)}` : (digits[0] as string);
  return { mantissa, exponent: rounded.point - 1 };
}

/** The decimal exponent %g decides with: that of the value rounded to `significant` digits. */
export function roundedExponent(abs: number, significant: number): number {
  if (abs === 0) return 0;
  return roundTo(exactDigits(abs), significant).point - 1;
}
