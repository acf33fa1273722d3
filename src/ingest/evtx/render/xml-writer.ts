// Renders BinXML as XML text, in the layout of `evtxexport -f xml` or of Windows' EvtRender.
import type { BinXmlSink } from '../binxml/sink.ts';

/**
 * `evtxexport`: one element per line, two-space indent, double-quoted attributes (libevtx's
 * `evtxexport -f xml`). `windows`: one line, single-quoted attributes, as Windows' EvtRender
 * returns it and as Splunk indexes `XmlWinEventLog` `_raw`.
 */
export type XmlStyle = 'evtxexport' | 'windows';

const START_TAG_OPEN = 0;
const HAS_TEXT = 1;
const HAS_CHILDREN = 2;

export class XmlWriter implements BinXmlSink {
  private readonly pretty: boolean;
  private readonly quote: string;
  /**
   * Pieces of the record's XML, joined once in `take`: `+=` would build a rope of thousands of
   * nodes per record, which the garbage collector then walks for as long as `_raw` lives
   * (measured: half the run time in GC).
   */
  private readonly out: string[] = [];
  private depth = 0;
  private readonly names: string[] = [];
  private readonly states: number[] = [];

  constructor(style: XmlStyle) {
    this.pretty = style === 'evtxexport';
    this.quote = style === 'evtxexport' ? '"' : "'";
  }

  /** The XML written so far; resets the writer for the next record. */
  take(): string {
    const text = this.out.join('');
    this.out.length = 0;
    this.depth = 0;
    this.names.length = 0;
    this.states.length = 0;
    return text;
  }

  open(name: string): void {
    this.enterChild();
    if (this.pretty) this.out.push(indent(this.depth));
    this.out.push(`<${name}`);
    this.names[this.depth] = name;
    this.states[this.depth] = START_TAG_OPEN;
    this.depth++;
  }

  attribute(name: string, value: string): void {
    const q = this.quote;
    this.out.push(` ${name}=${q}${escapeAttribute(value, q)}${q}`);
  }

  text(value: string): void {
    this.enterText();
    this.out.push(escapeText(value));
  }

  charRef(code: number): void {
    this.enterText();
    this.out.push(`&#${code};`);
  }

  entityRef(name: string): void {
    this.enterText();
    this.out.push(`&${name};`);
  }

  /** CDATA is character data: written in line, so the element's text stays what it was. */
  cdata(value: string): void {
    this.enterText();
    this.out.push(`<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`);
  }

  /** In element content a PI is written in line (it is not text); at the top, on its own line. */
  pi(target: string, data: string): void {
    const body = data === '' ? target : `${target} ${data}`;
    if (this.depth > 0) {
      this.enterText();
      this.out.push(`<?${body}?>`);
    } else {
      this.out.push(this.pretty ? `<?${body}?>\n` : `<?${body}?>`);
    }
  }

  close(): void {
    this.depth--;
    const state = this.states[this.depth];
    const name = this.names[this.depth];
    const newline = this.pretty ? '\n' : '';
    if (state === START_TAG_OPEN) this.out.push(`/>${newline}`);
    else if (state === HAS_TEXT) this.out.push(`</${name}>${newline}`);
    else this.out.push(`${this.pretty ? indent(this.depth) : ''}</${name}>${newline}`);
  }

  /** A child element, CDATA or PI starts: close the parent's start tag. */
  private enterChild(): void {
    if (this.depth === 0) return;
    const parent = this.depth - 1;
    const state = this.states[parent];
    if (state === START_TAG_OPEN) this.out.push(this.pretty ? '>\n' : '>');
    else if (state === HAS_TEXT && this.pretty) this.out.push('\n');
    this.states[parent] = HAS_CHILDREN;
  }

  private enterText(): void {
    if (this.depth === 0) return;
    const parent = this.depth - 1;
    if (this.states[parent] === START_TAG_OPEN) {
      this.out.push('>');
      this.states[parent] = HAS_TEXT;
    }
  }
}

const INDENTS: string[] = [];
function indent(depth: number): string {
  let text = INDENTS[depth];
  if (text === undefined) {
    text = '  '.repeat(depth);
    INDENTS[depth] = text;
  }
  return text;
}

const TEXT_SPECIAL = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&<>"']/;

/** Element text: `&`, `<` and `>` (Event Viewer leaves quotes alone in content). */
export function escapeText(value: string): string {
  if (!TEXT_SPECIAL.test(value)) return value;
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Attribute values: also the quote character that delimits them. */
export function escapeAttribute(value: string, quote: string): string {
  if (!ATTRIBUTE_SPECIAL.test(value)) return value;
  return value.replace(/[&<>"']/g, (c) => {
    if (c === '&') return '&amp;';
    if (c === '<') return '&lt;';
    if (c === '>') return '&gt;';
    if (c !== quote) return c;
    return c === '"' ? '&quot;' : '&apos;';
  });
}
