// What the executor emits into: the XML renderer and the event-field extractor implement it.

/**
 * SAX-like callbacks. `attribute` follows `open` (before any content); values arrive unescaped.
 * A `text` call never carries the empty string.
 */
export interface BinXmlSink {
  open(name: string): void;
  attribute(name: string, value: string): void;
  text(value: string): void;
  /**
   * Optional: the text of a UTF-16LE string value, `bytes[start, end)` up to its first NUL unit
   * (never empty), for sinks that copy it without making a string of it.
   */
  textUtf16?(bytes: Uint8Array, start: number, end: number): void;
  /** `&#code;` in element content. */
  charRef(code: number): void;
  /** `&name;` in element content. */
  entityRef(name: string): void;
  cdata(value: string): void;
  pi(target: string, data: string): void;
  close(): void;
}

/** The text XML's predefined entities stand for; other names are kept as `&name;`. */
export function entityText(name: string): string {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return `&${name};`;
  }
}

/** A character reference's text; invalid code points (lone surrogates kept) never throw. */
export function charRefText(code: number): string {
  return String.fromCharCode(code);
}
