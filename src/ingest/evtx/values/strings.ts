// String value types: UTF-16 strings, ANSI strings (Windows-1252) and EvtXml text.
import { decodeUtf16 } from '../byte-reader.ts';
import type { ValueFormat } from './value-format.ts';

/** UTF-16LE text up to the first NUL, as Windows treats the stored string. */
export function utf16Text(b: Uint8Array, s: number, e: number): string {
  let end = s;
  while (end + 1 < e && (b[end] !== 0 || b[end + 1] !== 0)) end += 2;
  return decodeUtf16(b, s, end);
}

export const string: ValueFormat = {
  name: 'String',
  itemSize: 0,
  text: (b, _v, s, e) => utf16Text(b, s, e),
};

// libevtx's default codepage for ANSI strings; Windows writes them in the system codepage.
const ansiDecoder = new TextDecoder('windows-1252');

export function ansiText(b: Uint8Array, s: number, e: number): string {
  let end = s;
  while (end < e && b[end] !== 0) end++;
  return ansiDecoder.decode(b.subarray(s, end));
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
