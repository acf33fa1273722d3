// Reads one XML start or end tag at a position: name, attributes (either quote style), `/>`.
import { decodeXmlReferences } from './entities.ts';

/** Returned instead of an end position: the text ends inside the tag. */
export const INCOMPLETE = -1;
/** Returned instead of an end position: the tag is not well-formed (`error`, `errorAt`). */
export const MALFORMED = -2;
/** Attributes of one element beyond this are refused: a Windows event element has a handful. */
export const MAX_ATTRIBUTES = 256;
/** Up to this many attributes, a duplicate is looked for by scanning; beyond, in a set. */
const SCANNED_ATTRIBUTES = 8;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0x80;
}

/**
 * A cursor over tags. It keeps the last tag's parts in reused arrays so that reading a tag
 * allocates only the name and attribute strings.
 */
export class TagReader {
  qname = '';
  local = '';
  selfClosing = false;
  attributeCount = 0;
  readonly attributeNames: string[] = [];
  readonly attributeValues: string[] = [];
  error = '';
  errorAt = 0;
  private names: Set<string> | undefined;

  /** Reads `<name attr='v' ...>` or `.../>` starting at `lt`; returns the index after `>`. */
  readStartTag(s: string, lt: number): number {
    const nameEnd = this.readName(s, lt + 1);
    if (nameEnd < 0) return nameEnd;
    this.attributeCount = 0;
    this.names = undefined;
    this.selfClosing = false;
    let p = nameEnd;
    for (;;) {
      const afterSpace = skipSpace(s, p);
      if (afterSpace >= s.length) return INCOMPLETE;
      const c = s.charCodeAt(afterSpace);
      if (c === 62) return afterSpace + 1;
      if (c === 47) {
        if (afterSpace + 1 >= s.length) return INCOMPLETE;
        if (s.charCodeAt(afterSpace + 1) !== 62)
          return this.fail('expected `>` after `/`', afterSpace);
        this.selfClosing = true;
        return afterSpace + 2;
      }
      if (afterSpace === p) return this.fail('expected a space before the attribute', p);
      p = this.readAttribute(s, afterSpace);
      if (p < 0) return p;
    }
  }

  /**
   * Reads `</name>` (spaces allowed before `>`) starting at `lt`; returns the index after `>`.
   * `expected` is the open element's name: the common exact match is checked in place, without
   * slicing the name out (`qname` is then `expected`).
   */
  readEndTag(s: string, lt: number, expected = ''): number {
    const after = lt + 2 + expected.length;
    if (expected.length > 0 && s.charCodeAt(after) === 62 && s.startsWith(expected, lt + 2)) {
      this.qname = expected;
      return after + 1;
    }
    const nameEnd = this.readName(s, lt + 2);
    if (nameEnd < 0) return nameEnd;
    const gt = skipSpace(s, nameEnd);
    if (gt >= s.length) return INCOMPLETE;
    if (s.charCodeAt(gt) !== 62) return this.fail(`expected \`>\` to close </${this.qname}>`, gt);
    return gt + 1;
  }

  /** The value of the attribute with this local name in the last start tag, if any. */
  attribute(local: string): string | undefined {
    for (let i = 0; i < this.attributeCount; i++) {
      if (this.attributeNames[i] === local) return this.attributeValues[i];
    }
    return undefined;
  }

  private readName(s: string, start: number): number {
    if (start >= s.length) return INCOMPLETE;
    if (!isNameStart(s.charCodeAt(start))) return this.fail('expected an element name', start);
    let p = start + 1;
    let colon = -1;
    for (; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (isSpace(c) || c === 62 || c === 47) break;
      if (c === 60 || c === 61 || c === 34 || c === 39) {
        return this.fail('unexpected character in element name', p);
      }
      if (c === 58) colon = p;
    }
    if (p >= s.length) return INCOMPLETE;
    this.qname = s.slice(start, p);
    this.local = colon < 0 ? this.qname : s.slice(colon + 1, p);
    return p;
  }

  private readAttribute(s: string, start: number): number {
    let p = start;
    if (!isNameStart(s.charCodeAt(p))) return this.fail('expected an attribute name', p);
    let colon = -1;
    for (; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (c === 61 || isSpace(c)) break;
      if (c === 62 || c === 47 || c === 60 || c === 34 || c === 39) {
        return this.fail('expected `=` after the attribute name', p);
      }
      if (c === 58) colon = p;
    }
    const qname = s.slice(start, p);
    // Namespace declarations keep their prefix so `xmlns:Name` cannot pose as `Name`.
    const name = colon < 0 || qname.startsWith('xmlns:') ? qname : s.slice(colon + 1, p);
    p = skipSpace(s, p);
    if (p >= s.length) return INCOMPLETE;
    if (s.charCodeAt(p) !== 61) return this.fail('expected `=` after the attribute name', p);
    p = skipSpace(s, p + 1);
    if (p >= s.length) return INCOMPLETE;
    const quote = s.charCodeAt(p);
    if (quote !== 34 && quote !== 39) return this.fail('expected a quoted attribute value', p);
    const close = s.indexOf(quote === 34 ? '"' : "'", p + 1);
    if (close < 0) return INCOMPLETE;
    const raw = s.slice(p + 1, close);
    if (raw.includes('<')) return this.fail('`<` in an attribute value', p + 1 + raw.indexOf('<'));
    const value = decodeXmlReferences(raw);
    if (typeof value === 'number')
      return this.fail('bad entity or character reference', p + 1 + value);
    if (this.isDuplicate(name)) return this.fail(`attribute ${name} given twice`, start);
    if (this.attributeCount >= MAX_ATTRIBUTES) {
      return this.fail(`more than ${MAX_ATTRIBUTES} attributes on one element`, start);
    }
    this.attributeNames[this.attributeCount] = name;
    this.attributeValues[this.attributeCount] = value;
    this.attributeCount++;
    return close + 1;
  }

  /** Linear in the number of attributes: a set once there are more than a few. */
  private isDuplicate(name: string): boolean {
    if (name === 'xmlns') return false;
    if (this.names !== undefined) {
      if (this.names.has(name)) return true;
      this.names.add(name);
      return false;
    }
    for (let i = 0; i < this.attributeCount; i++) if (this.attributeNames[i] === name) return true;
    if (this.attributeCount === SCANNED_ATTRIBUTES) {
      this.names = new Set(this.attributeNames.slice(0, this.attributeCount));
      this.names.add(name);
    }
    return false;
  }

  private fail(message: string, at: number): number {
    this.error = message;
    this.errorAt = at;
    return MALFORMED;
  }
}

export function skipSpace(s: string, start: number): number {
  let p = start;
  while (p < s.length && isSpace(s.charCodeAt(p))) p++;
  return p;
}
