// Test-side BinXML writer: turns a small node tree into tokens at a known chunk offset.
import { concat, le, utf16, type Value } from './values.ts';

export type AttrPart = Content;

export type Content =
  | { readonly text: string }
  | { readonly sub: number; readonly type: number; readonly optional?: boolean }
  | { readonly charRef: number }
  | { readonly entity: string }
  | { readonly typed: Value };

export type Node =
  | Content
  | {
      readonly el: string;
      readonly attrs?: readonly (readonly [string, readonly AttrPart[]])[];
      /** Absent: `<el/>` (close-empty token). */
      readonly children?: readonly Node[];
      /** Template definitions only: the dependency identifier (default 0xFFFF). */
      readonly dep?: number;
    }
  | { readonly cdata: string }
  | { readonly pi: readonly [string, string] };

export type Mode = 'template' | 'document';

/**
 * Appends tokens to a growing byte list whose first byte lands at chunk offset `base`. Names are
 * written inline the first time and referenced by offset afterwards, as Windows does.
 */
export class BinXmlWriter {
  readonly bytes: number[] = [];
  private readonly base: number;
  private readonly names: Map<string, number>;
  /** Write every name inline, even when it was written before (exercises inline-name parsing). */
  forceInlineNames = false;

  constructor(base: number, names: Map<string, number>) {
    this.base = base;
    this.names = names;
  }

  get offset(): number {
    return this.base + this.bytes.length;
  }

  put(...parts: readonly (Uint8Array | readonly number[])[]): void {
    for (const part of parts) for (const b of part) this.bytes.push(b);
  }

  patch32(at: number, value: number): void {
    const b = le(4, value);
    for (let i = 0; i < 4; i++) this.bytes[at + i] = b[i] as number;
  }

  fragmentHeader(): void {
    this.put([0x0f, 0x01, 0x01, 0x00]);
  }

  eof(): void {
    this.put([0x00]);
  }

  /** A name offset field, followed by the name itself when it is new (or inline is forced). */
  name(name: string): void {
    const known = this.names.get(name);
    if (known !== undefined && !this.forceInlineNames) {
      this.put(le(4, known));
      return;
    }
    const at = this.offset + 4;
    this.names.set(name, at);
    this.put(le(4, at), le(4, 0), le(2, hash(name)), le(2, name.length), utf16(name, true));
  }

  node(node: Node, mode: Mode): void {
    if ('el' in node) {
      this.element(node, mode);
    } else if ('cdata' in node) {
      this.put([0x07], le(2, node.cdata.length), utf16(node.cdata));
    } else if ('pi' in node) {
      this.put([0x0a]);
      this.name(node.pi[0]);
      this.put([0x0b], le(2, node.pi[1].length), utf16(node.pi[1]));
    } else {
      this.content(node);
    }
  }

  content(part: Content): void {
    if ('text' in part) this.put([0x05, 0x01], le(2, part.text.length), utf16(part.text));
    else if ('sub' in part) this.put([part.optional ? 0x0e : 0x0d], le(2, part.sub), [part.type]);
    else if ('charRef' in part) this.put([0x08], le(2, part.charRef));
    else if ('entity' in part) {
      this.put([0x09]);
      this.name(part.entity);
    } else this.put([0x05, part.typed.type], part.typed.bytes);
  }

  private element(node: Extract<Node, { el: string }>, mode: Mode): void {
    const attrs = node.attrs ?? [];
    this.put([attrs.length > 0 ? 0x41 : 0x01]);
    if (mode === 'template') this.put(le(2, node.dep ?? 0xffff));
    const sizeAt = this.bytes.length;
    this.put(le(4, 0));
    this.name(node.el);
    if (attrs.length > 0) {
      const listAt = this.bytes.length;
      this.put(le(4, 0));
      attrs.forEach(([name, parts], i) => {
        this.put([i === attrs.length - 1 ? 0x06 : 0x46]);
        this.name(name);
        for (const part of parts) this.content(part);
      });
      this.patch32(listAt, this.bytes.length - listAt - 4);
    }
    if (node.children === undefined) {
      this.put([0x03]);
    } else {
      this.put([0x02]);
      for (const child of node.children) this.node(child, mode);
      this.put([0x04]);
    }
    this.patch32(sizeAt, this.bytes.length - sizeAt - 4);
  }
}

/** MS-EVEN6 name hash: hash * 65599 + code unit, low 16 bits kept. */
export function hash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}

/** Template instance value data: count, descriptors, then the values. */
export function instanceValues(values: readonly Value[]): Uint8Array {
  return concat(
    le(4, values.length),
    ...values.map((value) => concat(le(2, value.bytes.length), [value.type, 0])),
    ...values.map((value) => value.bytes),
  );
}
