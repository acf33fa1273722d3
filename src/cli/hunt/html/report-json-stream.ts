// The report's data JSON written piece by piece: the same text as the whole ReportData JSON-encoded (the
// members in ReportData's order, no spaces, made safe for a <script> element), but the strings and
// findings are encoded a few at a time, so the text of the whole block is never held at once.

import { scriptSafe } from './render-html.ts';
import type { ReportParts } from './report-data.ts';

/** Pieces are joined and handed on once this many characters have gathered. */
export const JSON_CHUNK_CHARS = 64 * 1024;

/** Gathers pieces of text and hands them to `write` in chunks of about JSON_CHUNK_CHARS. */
class ChunkedText {
  private pieces: string[] = [];
  private chars = 0;
  private readonly write: (chunk: string) => void;

  constructor(write: (chunk: string) => void) {
    this.write = write;
  }

  add(piece: string): void {
    this.pieces.push(piece);
    this.chars += piece.length;
    if (this.chars >= JSON_CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.pieces.length === 0) return;
    this.write(this.pieces.join(''));
    this.pieces = [];
    this.chars = 0;
  }
}

/** An array's elements, JSON-encoded one by one, between `[` and `]`. */
function addArray(out: ChunkedText, items: Iterable<unknown>): void {
  out.add('[');
  let first = true;
  for (const item of items) {
    out.add(first ? scriptSafe(JSON.stringify(item)) : `,${scriptSafe(JSON.stringify(item))}`);
    first = false;
  }
  out.add(']');
}

/** Writes the data block's JSON through `write`, in chunks. */
export function writeReportJson(parts: ReportParts, write: (chunk: string) => void): void {
  const out = new ChunkedText(write);
  // `{...head` without its closing brace; the tail's members without its opening one.
  out.add(scriptSafe(JSON.stringify(parts.head)).slice(0, -1));
  out.add(',"strings":');
  addArray(out, parts.strings);
  out.add(',"findings":');
  addArray(out, parts.findings());
  out.add(`,${scriptSafe(JSON.stringify(parts.tail)).slice(1)}`);
  out.flush();
}
