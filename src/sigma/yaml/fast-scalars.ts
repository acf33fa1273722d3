// Scalars of the fast YAML reader (fast-yaml.ts): quoted scalars on one line and literal or
// folded block scalars, each read as YAML 1.2 §7.3 and §8.1 define them. Anything else is
// Unsupported: the reader then gives the text to the `yaml` package.
import { YAML_DOUBLE_ESCAPES } from '../../core/index.ts';

/** Thrown (one shared instance) when the fast reader meets YAML outside its subset. */
export const UNSUPPORTED = new Error('outside the fast YAML subset');

/** A quoted scalar's text and the offset just after its closing quote. */
export interface QuotedScalar {
  readonly value: string;
  readonly end: number;
}

/** `'…'` from `start` (the quote), closed before `lineEnd`; `''` is one quote (§7.3.2). */
export function singleQuoted(text: string, start: number, lineEnd: number): QuotedScalar {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf("'", from);
    if (quote < 0 || quote >= lineEnd) throw UNSUPPORTED;
    value += text.slice(from, quote);
    if (text.charCodeAt(quote + 1) !== 39) return { value, end: quote + 1 };
    value += "'";
    from = quote + 2;
  }
}

const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** `"…"` from `start` (the quote), closed before `lineEnd`, with its escapes (§5.7). */
export function doubleQuoted(text: string, start: number, lineEnd: number): QuotedScalar {
  let value = '';
  let from = start + 1;
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return { value: value + text.slice(from, i), end: i + 1 };
    if (c !== 92) continue;
    value += text.slice(from, i);
    const code = text.charAt(i + 1);
    const simple = YAML_DOUBLE_ESCAPES[code];
    const digits = HEX_DIGITS[code];
    if (simple !== undefined) {
      value += simple;
      i += 1;
    } else if (digits !== undefined) {
      const hex = text.slice(i + 2, i + 2 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) throw UNSUPPORTED;
      const point = Number.parseInt(hex, 16);
      if (point > 0x10ffff) throw UNSUPPORTED;
      value += String.fromCodePoint(point);
      i += 1 + digits;
    } else {
      throw UNSUPPORTED;
    }
    from = i + 1;
  }
  throw UNSUPPORTED;
}

/**
 * The value of a block scalar's content lines (each without its newline, blank ones included),
 * `indent` the content indentation, as §8.1.1.2 (chomping: `-` strip, else clip) and §8.1.3
 * (folding) define it. Folded scalars with more-indented lines are Unsupported.
 */
export function blockScalarValue(
  lines: readonly string[],
  indent: number,
  folded: boolean,
  strip: boolean,
): string {
  const content = lines.map((line) => (line.length > indent ? line.slice(indent) : ''));
  let value: string;
  if (!folded) value = content.join('\n');
  else {
    value = '';
    // A line break between two text lines folds to a space; k empty lines between them stay
    // as k line breaks.
    let breaks = -1;
    for (const line of content) {
      if (line === '') {
        breaks = breaks < 0 ? 1 : breaks + 1;
        continue;
      }
      if (line.charCodeAt(0) === 32) throw UNSUPPORTED;
      if (value !== '' || breaks > 0) value += breaks <= 0 ? ' ' : '\n'.repeat(breaks);
      value += line;
      breaks = 0;
    }
    if (breaks > 0) throw UNSUPPORTED;
  }
  return strip ? value : `${value}\n`;
}
