// `%a`: a double in C99's hexadecimal floating-point form, as glibc prints it (0x1.922p+1).

/**
 * `abs` (not negative, finite) as `0x<h>.<hex digits>p<+|-><exponent>`: the leading digit is 1
 * for normal numbers, the fraction has the 13 hex digits of the 52-bit mantissa with trailing
 * zeros dropped, or exactly `precision` digits rounded to nearest, ties to even. `alternate` (#)
 * keeps the point even with no digits after it.
 */
export function formatHexFloat(
  abs: number,
  precision: number | undefined,
  alternate: boolean,
): string {
  if (abs === 0) {
    const zeros = precision === undefined ? '' : '0'.repeat(precision);
    return `0x0${zeros || alternate ? '.' : ''}${zeros}p+0`;
  }
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, abs);
  const high = bits.getUint32(0);
  const low = bits.getUint32(4);
  const biased = high >>> 20;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let lead = biased === 0 ? 0n : 1n; // subnormals print with a leading 0
  const exponent = biased === 0 ? -1022 : biased - 1023;
  let digits = 13;
  if (precision !== undefined && precision < 13) {
    const drop = BigInt(4 * (13 - precision));
    const half = 1n << (drop - 1n);
    const rest = mantissa & ((1n << drop) - 1n);
    mantissa >>= drop;
    const lastOdd = (precision === 0 ? lead : mantissa) & 1n;
    if (rest > half || (rest === half && lastOdd === 1n)) mantissa += 1n;
    if (mantissa >> BigInt(4 * precision) !== 0n) {
      // glibc carries into the leading digit without renormalising: %.0a of 1.5 is 0x2p+0.
      mantissa &= (1n << BigInt(4 * precision)) - 1n;
      lead += 1n;
    }
    digits = precision;
  }
  let fraction = digits === 0 ? '' : mantissa.toString(16).padStart(digits, '0');
  if (precision === undefined) fraction = fraction.replace(/0+$/, '');
  else if (precision > 13) fraction = fraction.padEnd(precision, '0');
  const point = fraction !== '' || alternate ? '.' : '';
  return `0x${lead}${point}${fraction}p${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
}
