// Floating-point value types: Real32 and Real64, shortest text that reads back to the same value.
import type { ValueFormat } from './value-format.ts';

export const real32: ValueFormat = {
  name: 'Real32',
  itemSize: 4,
  text: (_b, v, s) => float32Text(v.getFloat32(s, true)),
};

export const real64: ValueFormat = {
  name: 'Real64',
  itemSize: 8,
  text: (_b, v, s) => String(v.getFloat64(s, true)),
};

/** Shortest decimal that rounds back to the same float32 (String() would print the double). */
function float32Text(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  for (let digits = 1; digits < 9; digits++) {
    const text = value.toPrecision(digits);
    if (Math.fround(Number(text)) === value) return String(Number(text));
  }
  return String(value);
}
