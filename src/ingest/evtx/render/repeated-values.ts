// The texts of the previous record's values by value position, reused where a record's value
// has the same bytes: a record's neighbours mostly share its computer, channel, user, domain,
// logon ids, SIDs and keywords, and comparing a few bytes costs less than rendering them again
// into new strings for the collector to sweep.
import type { ChunkContext } from '../binxml/chunk-context.ts';
import { scalarText } from '../values/index.ts';
import { utf16Text } from '../values/strings.ts';

/** Values up to this size (SIDs of five sub-authorities, GUIDs, integers) are compared. */
const MAX_REUSED_BYTES = 28;

/** Longer strings (command lines, scripts) rarely repeat exactly; they are decoded each time. */
const MAX_REUSED_LENGTH = 64;

export class RepeatedValueTexts {
  /** Per position, the last non-String value there: type (0: none), size, bytes and text. */
  private readonly types: Uint8Array;
  private readonly sizes: Uint8Array;
  private readonly bytes: Uint8Array;
  private readonly scalars: (string | undefined)[];
  /** Per position, the last String text decoded there (short ones only). */
  private readonly strings: (string | undefined)[];

  constructor(positions: number) {
    this.types = new Uint8Array(positions);
    this.sizes = new Uint8Array(positions);
    this.bytes = new Uint8Array(positions * MAX_REUSED_BYTES);
    this.scalars = new Array(positions).fill(undefined);
    this.strings = new Array(positions).fill(undefined);
  }

  /** `utf16Text` of a String value at `position`. */
  stringText(position: number, bytes: Uint8Array, start: number, end: number): string {
    const last = this.strings[position];
    if (last !== undefined && spells(bytes, start, end, last)) return last;
    const text = utf16Text(bytes, start, end);
    this.strings[position] = text.length <= MAX_REUSED_LENGTH ? text : undefined;
    return text;
  }

  /** `scalarText` of a value of any other type at `position`. */
  scalarText(
    position: number,
    chunk: ChunkContext,
    type: number,
    start: number,
    end: number,
  ): string {
    const size = end - start;
    if (size > MAX_REUSED_BYTES) return scalarText(chunk.bytes, chunk.view, type, start, end);
    const bytes = chunk.bytes;
    const last = this.bytes;
    const at = position * MAX_REUSED_BYTES;
    if (this.types[position] === type && this.sizes[position] === size) {
      let same = true;
      for (let i = 0; i < size; i++) {
        if (bytes[start + i] !== last[at + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.scalars[position] as string;
    }
    const text = scalarText(bytes, chunk.view, type, start, end);
    for (let i = 0; i < size; i++) last[at + i] = bytes[start + i] as number;
    this.types[position] = type;
    this.sizes[position] = size;
    this.scalars[position] = text;
    return text;
  }
}

/** Whether `utf16Text(bytes, start, end)` is `text`, without decoding. */
function spells(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  let stop = start + ((end - start) & ~1);
  while (stop > start && bytes[stop - 1] === 0 && bytes[stop - 2] === 0) stop -= 2;
  // A NUL left inside cuts utf16Text's result short: the lengths then differ.
  if ((stop - start) >> 1 !== text.length) return false;
  for (let i = 0, at = start; at < stop; i++, at += 2) {
    if (((bytes[at] as number) | ((bytes[at + 1] as number) << 8)) !== text.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}
