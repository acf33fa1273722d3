// Identifier value types: GUID (`{UPPER}`) and NT security identifier (`S-1-5-18`).
import { HEX_UPPER } from './digits.ts';
import type { ValueFormat } from './value-format.ts';

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` of a little-endian GUID at `s` (16 bytes). */
export function guidText(b: Uint8Array, s: number): string {
  const h = (i: number) => HEX_UPPER[b[s + i] as number] as string;
  return `{${h(3)}${h(2)}${h(1)}${h(0)}-${h(5)}${h(4)}-${h(7)}${h(6)}-${h(8)}${h(9)}-${h(10)}${h(
    11,
  )}${h(12)}${h(13)}${h(14)}${h(15)}}`;
}

export const guid: ValueFormat = {
  name: 'Guid',
  itemSize: 16,
  text: (b, _v, s) => guidText(b, s),
};

/** Bytes one SID at `s` occupies: 8 + 4 per sub-authority. */
export function sidSize(b: Uint8Array, s: number): number {
  return 8 + 4 * (b[s + 1] as number);
}

/**
 * `S-<revision>-<authority>-<sub>...`. The 48-bit authority is big-endian; Windows prints it in
 * decimal below 2^32 and in hex above. Sub-authorities beyond the stored bytes are not read.
 */
export function sidText(b: Uint8Array, v: DataView, s: number, e: number): string {
  if (e - s < 8) return '';
  const count = b[s + 1] as number;
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + (b[s + i] as number);
  let text = `S-${b[s]}-${
    authority < 0x1_0000_0000
      ? authority
      : `0x${authority.toString(16).toUpperCase().padStart(12, '0')}`
  }`;
  for (let i = 0; i < count && s + 12 + i * 4 <= e; i++) {
    text += `-${v.getUint32(s + 8 + i * 4, true)}`;
  }
  return text;
}

export const sid: ValueFormat = {
  name: 'Sid',
  itemSize: 0,
  text: sidText,
};
