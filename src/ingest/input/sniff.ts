// Which format an input is: from its content, with the file name's extension only as a hint.
import { INPUT_FORMATS } from '../formats/index.ts';
import type { InputFormat, InputFormatName } from '../formats/input-format.ts';
import { decodeHead } from '../text/decode-text.ts';
import type { ByteInput } from './byte-input.ts';

export type FormatChoice =
  | {
      readonly kind: 'format';
      readonly format: InputFormat;
      readonly by: 'content' | 'extension' | 'forced';
    }
  /** Nothing but whitespace: no events, and nothing wrong. */
  | { readonly kind: 'empty' }
  /** `--input-format` forced a format the content plainly is not. */
  | {
      readonly kind: 'mismatch';
      readonly forced: InputFormat;
      /** What the content is; undefined when EVTX is forced on content no format recognises. */
      readonly content: InputFormat | undefined;
      /** The first characters of text content, to show. */
      readonly start: string;
    }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Formats the content names certainly (magic bytes, the first character of markup or JSON). */
const CERTAIN: ReadonlySet<InputFormatName> = new Set(['evtx', 'xml', 'jsonl']);

/**
 * A forced format is refused when the content is certainly another (EVTX magic, `<`, `{`), or is
 * not EVTX when EVTX is forced; CSV's sniff is loose, so text forced to XML or JSON is read so.
 */
export function chooseFormat(input: ByteInput, forced: InputFormatName | undefined): FormatChoice {
  const text = decodeHead(input);
  const head = { bytes: input.head, text };
  const sniffed = INPUT_FORMATS.find((format) => format.sniff(head));
  if (forced !== undefined) {
    const format = INPUT_FORMATS.find((f) => f.name === forced);
    if (format !== undefined) {
      const content = sniffed ?? (forced === 'evtx' ? undefined : format);
      if (
        content === undefined ||
        (content !== format && (forced === 'evtx' || CERTAIN.has(content.name)))
      ) {
        return { kind: 'mismatch', forced: format, content, start: firstLine(text) };
      }
      return { kind: 'format', format, by: 'forced' };
    }
  }
  if (sniffed !== undefined) return { kind: 'format', format: sniffed, by: 'content' };
  // UTF-16 text is full of NUL bytes; in UTF-8 they mean binary content.
  const binary = input.encoding === 'utf-8' && hasNul(input.head);
  if (text.trim().length === 0 && !binary) return { kind: 'empty' };
  const byExtension = formatByExtension(input.path);
  if (byExtension !== undefined && !binary) {
    return { kind: 'format', format: byExtension, by: 'extension' };
  }
  const reason = binary
    ? 'binary content of no known format'
    : `text that is not XML, JSON or CSV: "${firstLine(text)}"`;
  return { kind: 'unknown', reason };
}

/** The format whose extension the name ends with (`.gz` looked through). */
function formatByExtension(path: string): InputFormat | undefined {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  return INPUT_FORMATS.find((format) => format.extensions.some((ext) => name.endsWith(ext)));
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 4096).includes(0);
}

function firstLine(text: string): string {
  return text.trimStart().split('\n', 1)[0]?.slice(0, 40) ?? '';
}
