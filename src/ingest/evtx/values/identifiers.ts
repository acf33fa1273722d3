// Identifier value types: GUID (`{UPPER}`) and NT security identifier (`S-1-5-18`).
import { HEX_HIGH_CODE, HEX_LOW_CODE } from './digits.ts';
import type { ValueFormat } from './value-format.ts';

/**
 * `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` of a little-endian GUID at `s` (16 bytes). Built in
 * one `String.fromCharCode` call: a template literal of twenty pieces allocates a rope of them.
 */
export function guidText(b: Uint8Array, s: number): string {
  const hi = HEX_HIGH_CODE;
  const lo = HEX_LOW_CODE;
  const dash = 0x2d;
  return String.fromCharCode(
    0x7b,
    hi[b[s + 3] as number] as number,
    lo[b[s + 3] as number] as number,
    hi[b[s + 2] as number] as number,
    lo[b[s + 2] as number] as number,
    hi[b[s + 1] as number] as number,
    lo[b[s + 1] as number] as number,
    hi[b[s + 0] as number] as number,
    lo[b[s + 0] as number] as number,
    dash,
    hi[b[s + 5] as number] as number,
    lo[b[s + 5] as number] as number,
    hi[b[s + 4] as number] as number,
    lo[b[s + 4] as number] as number,
    dash,
    hi[b[s + 7] as number] as number,
    lo[b[s + 7] as number] as number,
    hi[b[s + 6] as number] as number,
    lo[b[s + 6] as number] as number,
    dash,
    hi[b[s + 8] as number] as number,
    lo[b[s + 8] as number] as number,
    hi[b[s + 9] as number] as number,
    lo[b[s + 9] as number] as number,
    dash,
    hi[b[s + 10] as number] as number,
    lo[b[s + 10] as number] as number,
    hi[b[s + 11] as number] as number,
    lo[b[s + 11] as number] as number,
    hi[b[s + 12] as number] as number,
    lo[b[s + 12] as number] as number,
    hi[b[s + 13] as number] as number,
    lo[b[s + 13] as number] as number,
    hi[b[s + 14] as number] as number,
    lo[b[s + 14] as number] as number,
    hi[b[s + 15] as number] as number,
    lo[b[s + 15] as number] as number,
    0x7d,
  );
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
function sidText(b: Uint8Array, v: DataView, s: number, e: number): string {
  if (e - s < 8) return '';
  if (sameAsLastSid(b, s, e)) return lastSidText;
  const text = renderSid(b, v, s, e);
  lastSid = Uint8Array.prototype.slice.call(b, s, e);
  lastSidText = text;
  return text;
}

// The last SID rendered: UserID and subject SIDs repeat record after record.
let lastSid = new Uint8Array(0);
let lastSidText = '';

function sameAsLastSid(b: Uint8Array, s: number, e: number): boolean {
  const last = lastSid;
  if (last.length !== e - s) return false;
  for (let i = 0; i < last.length; i++) if (b[s + i] !== last[i]) return false;
  return true;
}

function renderSid(b: Uint8Array, v: DataView, s: number, e: number): string {
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
