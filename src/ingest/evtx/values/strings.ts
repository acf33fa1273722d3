// String value types: UTF-16 strings, ANSI strings (Windows-1252) and EvtXml text.
import { asBuffer, decodeUtf16, latin1Slice } from '../byte-reader.ts';
import type { ValueFormat } from './value-format.ts';

/** UTF-16LE text up to the first NUL, as Windows treats the stored string. */
export function utf16Text(b: Uint8Array, s: number, e: number): string {
  // Stored strings mostly end with their NUL: drop trailing ones without a scan, then let the
  // native `indexOf` find any NUL left inside.
  let end = s + ((e - s) & ~1);
  while (end > s && b[end - 1] === 0 && b[end - 2] === 0) end -= 2;
  const text = decodeUtf16(b, s, end);
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

export const string: ValueFormat = {
  name: 'String',
  itemSize: 0,
  text: (b, _v, s, e) => utf16Text(b, s, e),
};

/**
 * Windows-1252 code points for bytes 0x80-0x9F (the rest equal Latin-1). Written out because
 * Node's TextDecoder treats the `windows-1252` label as ISO-8859-1 and returns C1 controls.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * ANSI text up to the first NUL, read as Windows-1252: libevtx's default codepage (Windows
 * writes the system codepage, which the file does not record). Decoded as Latin-1 by Node, then
 * the 0x80-0x9F range (the only one where the two differ) mapped where it occurs.
 */
export function ansiText(b: Uint8Array, s: number, e: number): string {
  let end = s;
  let high = false;
  for (; end < e; end++) {
    const byte = b[end] as number;
    if (byte === 0) break;
    if (byte >= 0x80 && byte < 0xa0) high = true;
  }
  const latin1 = latin1Slice(asBuffer(b), s, end);
  if (!high) return latin1;
  let text = '';
  for (let i = 0; i < latin1.length; i++) {
    const code = latin1.charCodeAt(i);
    text += String.fromCharCode(
      code >= 0x80 && code < 0xa0 ? (CP1252_HIGH[code - 0x80] as number) : code,
    );
  }
  return text;
}

export const ansiString: ValueFormat = {
  name: 'AnsiString',
  itemSize: 0,
  text: (b, _v, s, e) => ansiText(b, s, e),
};

/** EvtXml carries XML text in UTF-16; it is kept as text (escaped when rendered). */
export const evtXml: ValueFormat = {
  name: 'EvtXml',
  itemSize: 0,
  text: (b, _v, s, e) => utf16Text(b, s, e),
};

export const nullValue: ValueFormat = {
  name: 'Null',
  itemSize: 0,
  text: () => '',
};
