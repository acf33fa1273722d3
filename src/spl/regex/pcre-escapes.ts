// PCRE escape sequences and POSIX classes, and their JavaScript (non-`u` RegExp) equivalents.

/** Characters a class needs for PCRE's `\h` (horizontal white space, pcre2pattern). */
export const HORIZONTAL_SPACE = '\\t \\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
/** PCRE's `\v` is vertical white space, not JavaScript's vertical-tab character. */
export const VERTICAL_SPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';

/** Class-content for POSIX names inside brackets (pcre2pattern, "POSIX character classes"). */
export const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\x0B\\f\\r ',
  upper: 'A-Z',
  word: '\\w',
  xdigit: '0-9A-Fa-f',
};

/** A code point as a JavaScript escape usable both inside and outside a class. */
export function codePointEscape(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  const high = Math.floor((code - 0x10000) / 0x400) + 0xd800;
  const low = ((code - 0x10000) % 0x400) + 0xdc00;
  return `\\u${high.toString(16)}\\u${low.toString(16)}`;
}

/** Escapes one literal character for a JavaScript pattern (inside or outside a class). */
export function escapeLiteral(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

/** Both cases of a letter as class content, or the character itself. */
export function caseVariants(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper || lower.length !== 1 || upper.length !== 1) return escapeLiteral(ch);
  return lower === ch
    ? `${escapeLiteral(lower)}${escapeLiteral(upper)}`
    : `${escapeLiteral(upper)}${escapeLiteral(lower)}`;
}
