// How JSON text is cut into records: one per line, or objects one after another.
import { MAX_RECORD_CHARS } from '../problem-codes.ts';
import { findObjectEnd, OBJECT_INCOMPLETE } from './json-values.ts';

/**
 * `lines`: one JSON value per line (JSON lines proper). `stream`: objects one after another with
 * any whitespace between, possibly spread over lines (evtx_dump's JSON, the Sigma regression
 * `.json` files), inside a `[...]` array, or after evtx_dump's `Record N` lines.
 */
export type JsonFraming = 'lines' | 'stream';

/** The line Rust evtx_dump prints before each record. */
export const RECORD_LINE = /^Record \d+\s*$/;

/**
 * From the first record: a first line that is a complete JSON value (or a malformed line that
 * still ends in `}`) means lines; `[`, a lone `{`, or evtx_dump's `Record 1` means a stream.
 * Undefined until the first line is complete (or the input ends). `searched` is how much of `s`
 * an earlier call already looked through for the end of the first line.
 */
export function decideFraming(s: string, eof: boolean, searched = 0): JsonFraming | undefined {
  const start = skipSeparators(s, 0);
  if (start >= s.length) return eof ? 'lines' : undefined;
  if (s.charCodeAt(start) === 91) return 'stream';
  let nl = s.indexOf('\n', Math.max(start, searched));
  if (nl < 0) {
    if (!eof && s.length - start < MAX_RECORD_CHARS) return undefined;
    nl = s.length;
  }
  const first = s.slice(start, nl).trim();
  if (RECORD_LINE.test(first)) return 'stream';
  if (first.charCodeAt(0) !== 123) return 'lines';
  try {
    JSON.parse(first);
    return 'lines';
  } catch {
    return first.length > 1 && first.endsWith('}') ? 'lines' : 'stream';
  }
}

/** Whitespace, and the `[`, `,`, `]` of a top-level array. */
export function skipSeparators(s: string, from: number): number {
  let p = from;
  for (; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 44 && c !== 91 && c !== 93) break;
  }
  return p;
}

/** `{...}{...}` on one line: the objects, when there are several and nothing else. */
export function splitConcatenated(text: string): string[] | undefined {
  const objects: string[] = [];
  let pos = skipSeparators(text, 0);
  while (pos < text.length) {
    if (text.charCodeAt(pos) !== 123) return undefined;
    const end = findObjectEnd(text, pos);
    if (end === OBJECT_INCOMPLETE) return undefined;
    objects.push(text.slice(pos, end));
    pos = skipSeparators(text, end);
  }
  return objects.length > 1 ? objects : undefined;
}

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}
