// Blank lines before the content, of any length: dropped (counted) before the head is sniffed,
// so a file that starts with 100,000 empty lines is still recognised by its first record, and
// the readers still number its lines and columns as they are in the file.
import type { TextEncoding } from './byte-input.ts';

export interface BlankStart {
  /** The input from its first character that is not blank (byte-order mark kept in front). */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Line breaks dropped, and blank characters dropped after the last of them; final once the
   * first chunk of `chunks` has been read. */
  readonly skipped: () => { readonly lines: number; readonly columns: number };
}

/** Whether `bytes` (after a byte-order mark of `bom` bytes) start with a blank character. */
export function startsBlank(bytes: Uint8Array, encoding: TextEncoding, bom: number): boolean {
  return blankUnit(bytes, bom, encoding) !== undefined;
}

/** Drops the blank characters (spaces, tabs, CR, LF) at the start of `source`. */
export function dropBlankStart(
  source: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  bom: number,
): BlankStart {
  let lines = 0;
  let columns = 0;
  const unit = encoding === 'utf-8' ? 1 : 2;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let prefix: Uint8Array | undefined;
    // A UTF-16 code unit split across two chunks.
    let carry: Uint8Array | undefined;
    let skipping = true;
    for await (const chunk of source) {
      if (!skipping) {
        yield chunk;
        continue;
      }
      let data = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
      carry = undefined;
      if (prefix === undefined) {
        prefix = data.subarray(0, bom);
        data = data.subarray(bom);
      }
      let at = 0;
      for (; at + unit <= data.length; at += unit) {
        const c = blankUnit(data, at, encoding);
        if (c === undefined) break;
        if (c === 10) {
          lines++;
          columns = 0;
        } else columns++;
      }
      if (at + unit <= data.length) {
        skipping = false;
        yield prefix.length > 0 ? Buffer.concat([prefix, data.subarray(at)]) : data.subarray(at);
      } else if (at < data.length) {
        carry = data.subarray(at);
      }
    }
    if (skipping && carry !== undefined) yield carry;
  }
  return { chunks: chunks(), skipped: () => ({ lines, columns }) };
}

/** The blank character (its code) at `at`, or undefined. */
function blankUnit(bytes: Uint8Array, at: number, encoding: TextEncoding): number | undefined {
  const code = encoding === 'utf-16be' ? bytes[at + 1] : bytes[at];
  const high = encoding === 'utf-16le' ? bytes[at + 1] : encoding === 'utf-16be' ? bytes[at] : 0;
  if (high !== 0 || code === undefined) return undefined;
  return code === 32 || code === 9 || code === 13 || code === 10 ? code : undefined;
}
