// Renders BinXML as XML text, in the layout of `evtxexport -f xml` or of Windows' EvtRender.
import type { BinXmlSink } from '../binxml/sink.ts';
import { APOS, QUOT, TextBuffer } from './text-buffer.ts';

/**
 * `evtxexport`: one element per line, two-space indent, double-quoted attributes (libevtx's
 * `evtxexport -f xml`). `windows`: one line, single-quoted attributes, as Windows' EvtRender
 * returns it and as Splunk indexes `XmlWinEventLog` `_raw`.
 */
export type XmlStyle = 'evtxexport' | 'windows';

const START_TAG_OPEN = 0;
const HAS_TEXT = 1;
const HAS_CHILDREN = 2;

const NEWLINE = 0x0a;
const SPACE = 0x20;

export class XmlWriter implements BinXmlSink {
  private readonly pretty: boolean;
  private readonly quote: number;
  private readonly out = new TextBuffer();
  private depth = 0;
  private readonly names: string[] = [];
  private readonly states: number[] = [];

  constructor(style: XmlStyle) {
    this.pretty = style === 'evtxexport';
    this.quote = style === 'evtxexport' ? QUOT : APOS;
  }

  /** The XML written so far; resets the writer for the next record. */
  take(): string {
    this.depth = 0;
    return this.out.take();
  }

  open(name: string): void {
    this.enterChild();
    const out = this.out;
    if (this.pretty) this.indent(this.depth);
    out.appendCode(0x3c);
    out.append(name);
    this.names[this.depth] = name;
    this.states[this.depth] = START_TAG_OPEN;
    this.depth++;
  }

  attribute(name: string, value: string): void {
    const out = this.out;
    out.appendCode(SPACE);
    out.append(name);
    out.appendCode(0x3d);
    out.appendCode(this.quote);
    out.appendAttribute(value, this.quote);
    out.appendCode(this.quote);
  }

  text(value: string): void {
    this.enterText();
    this.out.appendText(value);
  }

  textUtf16(bytes: Uint8Array, start: number, end: number): void {
    this.enterText();
    this.out.appendTextUtf16(bytes, start, end);
  }

  charRef(code: number): void {
    this.enterText();
    this.out.append(`&#${code};`);
  }

  entityRef(name: string): void {
    this.enterText();
    this.out.append(`&${name};`);
  }

  /** CDATA is character data: written in line, so the element's text stays what it was. */
  cdata(value: string): void {
    this.enterText();
    this.out.append(`<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`);
  }

  /** In element content a PI is written in line (it is not text); at the top, on its own line. */
  pi(target: string, data: string): void {
    const body = data === '' ? target : `${target} ${data}`;
    if (this.depth > 0) {
      this.enterText();
      this.out.append(`<?${body}?>`);
    } else {
      this.out.append(`<?${body}?>`);
      if (this.pretty) this.out.appendCode(NEWLINE);
    }
  }

  close(): void {
    this.depth--;
    const state = this.states[this.depth];
    const out = this.out;
    if (state === START_TAG_OPEN) {
      out.appendCode(0x2f);
      out.appendCode(0x3e);
    } else {
      if (state !== HAS_TEXT && this.pretty) this.indent(this.depth);
      out.appendCode(0x3c);
      out.appendCode(0x2f);
      out.append(this.names[this.depth] as string);
      out.appendCode(0x3e);
    }
    if (this.pretty) out.appendCode(NEWLINE);
  }

  /** A child element, CDATA or PI starts: close the parent's start tag. */
  private enterChild(): void {
    if (this.depth === 0) return;
    const parent = this.depth - 1;
    const state = this.states[parent];
    if (state === START_TAG_OPEN) {
      this.out.appendCode(0x3e);
      if (this.pretty) this.out.appendCode(NEWLINE);
    } else if (state === HAS_TEXT && this.pretty) {
      this.out.appendCode(NEWLINE);
    }
    this.states[parent] = HAS_CHILDREN;
  }

  private enterText(): void {
    if (this.depth === 0) return;
    const parent = this.depth - 1;
    if (this.states[parent] === START_TAG_OPEN) {
      this.out.appendCode(0x3e);
      this.states[parent] = HAS_TEXT;
    }
  }

  /** Two spaces per level (evtxexport layout). */
  private indent(depth: number): void {
    for (let i = 0; i < depth; i++) {
      this.out.appendCode(SPACE);
      this.out.appendCode(SPACE);
    }
  }
}
