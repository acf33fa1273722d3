// Small lookup tables that keep number-to-text formatting allocation-light.

/** `00`..`99`. */
export const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) =>
  String(i).padStart(2, '0'),
);

/** `00`..`FF`, upper case as Windows renders binary and GUIDs. */
export const HEX_UPPER: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).toUpperCase().padStart(2, '0'),
);

const HEX_DIGITS = '0123456789ABCDEF';

/** Character codes of the upper-case hex digits of a byte's high and low nibble. */
export const HEX_HIGH_CODE: Uint16Array = Uint16Array.from({ length: 256 }, (_, i) =>
  HEX_DIGITS.charCodeAt(i >> 4),
);
export const HEX_LOW_CODE: Uint16Array = Uint16Array.from({ length: 256 }, (_, i) =>
  HEX_DIGITS.charCodeAt(i & 15),
);

/** Decimal text of the unsigned 64-bit integer `high * 2^32 + low`, exact beyond 2^53. */
export function uint64Text(low: number, high: number): string {
  if (high < 0x200000) return String(high * 0x1_0000_0000 + low);
  return ((BigInt(high) << 32n) | BigInt(low)).toString();
}

/** Decimal text of the two's-complement signed 64-bit integer `high:low`. */
export function int64Text(low: number, high: number): string {
  if (high < 0x80000000) return uint64Text(low, high);
  // Negate: ~x + 1 over 64 bits.
  const negLow = (~low + 1) >>> 0;
  const negHigh = (~high + (negLow === 0 ? 1 : 0)) >>> 0;
  return `-${uint64Text(negLow, negHigh)}`;
}

// The last HexInt64 rendered: Keywords repeat record after record.
let lastHexLow = 0;
let lastHexHigh = 0;
let lastHexText = '0x0';

/** `0x` and lower-case hex without leading zeros, as Windows renders HexInt64 (`0x3e7`). */
export function hex64Text(low: number, high: number): string {
  if (low === lastHexLow && high === lastHexHigh) return lastHexText;
  const text =
    high === 0
      ? `0x${hex32Text(low)}`
      : `0x${hex32Text(high)}${HEX_LOWER[low >>> 24]}${HEX_LOWER[(low >>> 16) & 0xff]}${HEX_LOWER[(low >>> 8) & 0xff]}${HEX_LOWER[low & 0xff]}`;
  lastHexLow = low;
  lastHexHigh = high;
  lastHexText = text;
  return text;
}

/** `00`..`ff`. */
const HEX_LOWER: readonly string[] = HEX_UPPER.map((pair) => pair.toLowerCase());

/**
 * `n.toString(16)` for an unsigned 32-bit `n`, from digit-pair tables: `toString` with a radix
 * is a runtime call, five times slower (measured; Security logs carry several logon ids a record).
 */
export function hex32Text(n: number): string {
  const top = n >>> 24;
  if (top !== 0)
    return `${lead(top)}${HEX_LOWER[(n >>> 16) & 0xff]}${HEX_LOWER[(n >>> 8) & 0xff]}${HEX_LOWER[n & 0xff]}`;
  if (n >= 0x10000) return `${lead(n >>> 16)}${HEX_LOWER[(n >>> 8) & 0xff]}${HEX_LOWER[n & 0xff]}`;
  if (n >= 0x100) return `${lead(n >>> 8)}${HEX_LOWER[n & 0xff]}`;
  return lead(n);
}

/** A leading byte's hex without its leading zero. */
function lead(byte: number): string {
  const pair = HEX_LOWER[byte] as string;
  return byte < 0x10 ? (pair[1] as string) : pair;
}
