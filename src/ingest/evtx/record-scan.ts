// Finds record framing by signature, for skipping damage and for recovery from slack space.
import { RECORD_MIN_SIZE } from './record-header.ts';

/**
 * The offset of the first plausible record in `bytes[from, to)`: the `**\0\0` signature, a size
 * that fits, and a matching size copy at its end. -1 when there is none.
 */
export function findRecord(bytes: Uint8Array, from: number, to: number): number {
  for (let p = from; p + RECORD_MIN_SIZE <= to; p++) {
    if (bytes[p] !== 0x2a || bytes[p + 1] !== 0x2a || bytes[p + 2] !== 0 || bytes[p + 3] !== 0) {
      continue;
    }
    const size = readU32(bytes, p + 4);
    if (size >= RECORD_MIN_SIZE && p + size <= to && readU32(bytes, p + size - 4) === size) {
      return p;
    }
  }
  return -1;
}

function readU32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) |
      ((bytes[at + 1] as number) << 8) |
      ((bytes[at + 2] as number) << 16) |
      ((bytes[at + 3] as number) << 24)) >>>
    0
  );
}

export function isAllZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}
