// A reusable UTF-16 buffer that text is copied into (XML-escaped where asked) and taken out of
// as one flat string.
import { utf16leSlice } from '../byte-reader.ts';

const AMP = 0x26;
const LT = 0x3c;
const GT = 0x3e;
export const QUOT = 0x22;
export const APOS = 0x27;

/**
 * Writing a record's XML as hundreds of small strings cost more in joining them (or in the rope
 * `+=` builds, which the garbage collector then walks) than in rendering: here characters are
 * copied into one growing Uint16Array and decoded by Node in one call per record.
 */
export class TextBuffer {
  private units = new Uint16Array(4096);
  private bytes = Buffer.from(this.units.buffer);
  private length = 0;

  /** The text written since the last `take`; empties the buffer. */
  take(): string {
    const text = utf16leSlice(this.bytes, 0, this.length * 2);
    this.length = 0;
    return text;
  }

  /** Drops what was written since the last `take`. */
  clear(): void {
    this.length = 0;
  }

  append(text: string): void {
    const n = text.length;
    const at = this.reserve(n);
    const units = this.units;
    for (let i = 0; i < n; i++) units[at + i] = text.charCodeAt(i);
    this.length = at + n;
  }

  appendCode(code: number): void {
    const at = this.reserve(1);
    this.units[at] = code;
    this.length = at + 1;
  }

  /** Element text: `&`, `<` and `>` escaped (Event Viewer leaves quotes alone in content). */
  appendText(text: string): void {
    this.appendEscaped(text, 0);
  }

  /**
   * Element text straight from UTF-16LE bytes `[start, end)`, up to the first NUL unit, escaped
   * as appendText escapes it: the same units as decoding the value first, without the string.
   */
  appendTextUtf16(bytes: Uint8Array, start: number, end: number): void {
    const count = (end - start) >> 1;
    let at = this.reserve(count * 5);
    const units = this.units;
    for (let i = start; i + 1 < end; i += 2) {
      const c = (bytes[i] as number) | ((bytes[i + 1] as number) << 8);
      if (c === 0) break;
      if (c === AMP) at = put(units, at, '&amp;');
      else if (c === LT) at = put(units, at, '&lt;');
      else if (c === GT) at = put(units, at, '&gt;');
      else units[at++] = c;
    }
    this.length = at;
  }

  /** An attribute value delimited by `quote`: also that quote escaped. */
  appendAttribute(text: string, quote: number): void {
    this.appendEscaped(text, quote);
  }

  private appendEscaped(text: string, quote: number): void {
    const n = text.length;
    // `&quot;` is the longest replacement: six units for one.
    let at = this.reserve(n * 6);
    const units = this.units;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === AMP) at = put(units, at, '&amp;');
      else if (c === LT) at = put(units, at, '&lt;');
      else if (c === GT) at = put(units, at, '&gt;');
      else if (c === quote && quote !== 0) at = put(units, at, c === QUOT ? '&quot;' : '&apos;');
      else units[at++] = c;
    }
    this.length = at;
  }

  /** Makes room for `n` more units; returns where they go. */
  private reserve(n: number): number {
    const at = this.length;
    if (at + n > this.units.length) {
      const grown = new Uint16Array(Math.max(this.units.length * 2, at + n));
      grown.set(this.units.subarray(0, at));
      this.units = grown;
      this.bytes = Buffer.from(grown.buffer);
    }
    return at;
  }
}

function put(units: Uint16Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) units[at + i] = text.charCodeAt(i);
  return at + text.length;
}
