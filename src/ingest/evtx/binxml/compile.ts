// Compiles a BinXML token stream (a template definition or a document) into a flat op list.
import type { ByteReader } from '../byte-reader.ts';
import { beyondLimit, invalid } from '../decode-error.ts';
import { scalarText } from '../values/index.ts';
import { VALUE_TYPE } from '../values/value-types.ts';
import type { ChunkContext } from './chunk-context.ts';
import { readNameRef } from './names.ts';
import { OP, type Op, type OpCode, type OpFields, op } from './program.ts';
import { readTemplateInstance } from './template-instance.ts';
import { TOKEN, TOKEN_MORE_FLAG } from './tokens.ts';

/**
 * `template`: a template definition: element starts carry a dependency identifier and
 * substitutions are allowed. `document`: a record's BinXML or a nested BinXML value: no
 * dependency identifier (MS-EVEN6 §2.2.12; as the Rust evtx crate reads them), template
 * instances allowed.
 */
export type FragmentMode = 'template' | 'document';

/** Element nesting beyond this is refused: real events nest about five deep. */
export const MAX_ELEMENT_DEPTH = 128;

type MutableOp = { -readonly [K in keyof Op]: Op[K] };

interface OpenElement {
  readonly index: number;
  readonly slots: number[];
  readonly guards: number[];
}

/** A dependency identifier of 0xFFFF means the element depends on no value. */
const NO_DEPENDENCY = 0xffff;

/** A name offset field met while compiling: where (relative to the origin), inline or not, and the name. */
export interface NameField {
  readonly at: number;
  readonly inline: boolean;
  readonly name: string;
}

export interface CompiledFragment {
  readonly ops: readonly Op[];
  /** Offset after the last token read (the EOF token included). */
  readonly end: number;
}

/**
 * Compiles the tokens in `r` from `start` up to an EOF token or the end of the window. Op offsets
 * are relative to `origin` (a template's definition offset, so that its ops hold in any chunk
 * that defines the same template at another offset); `nameFields` collects the name references.
 */
export function compileFragment(
  chunk: ChunkContext,
  r: ByteReader,
  start: number,
  mode: FragmentMode,
  origin = 0,
  nameFields?: NameField[],
): CompiledFragment {
  const c: Compilation = {
    chunk,
    r,
    origin,
    nameFields,
    ops: [],
    inStartTag: false,
    inAttribute: false,
  };
  const { ops } = c;
  const stack: OpenElement[] = [];
  let p = start;

  while (p < r.end) {
    const at = p;
    const token = r.u8(at, 'BinXML token');
    switch (token & ~TOKEN_MORE_FLAG) {
      case TOKEN.eof:
        p = at + 1;
        if (stack.length > 0 || c.inStartTag) invalid('BinXML token', at, 'EOF inside an element');
        return { ops, end: p };
      case TOKEN.openStartElement: {
        if (c.inStartTag) invalid('BinXML token', at, 'element start inside a start tag');
        if (stack.length >= MAX_ELEMENT_DEPTH) {
          beyondLimit('BinXML element', at, `nesting deeper than ${MAX_ELEMENT_DEPTH} elements`);
        }
        const dependency =
          mode === 'template' ? r.u16(at + 1, 'dependency identifier') : NO_DEPENDENCY;
        let q = at + 1 + (mode === 'template' ? 2 : 0);
        r.u32(q, 'element data size');
        const name = nameAt(c, q + 4, 'element name');
        q = name.next;
        if (token & TOKEN_MORE_FLAG) {
          r.u32(q, 'attribute list size');
          q += 4;
        }
        stack.push({
          index: ops.length,
          slots: [],
          guards: dependency === NO_DEPENDENCY ? [] : [dependency],
        });
        push(c, OP.open, at, { name: name.name });
        c.inStartTag = true;
        c.inAttribute = false;
        p = q;
        break;
      }
      case TOKEN.attribute: {
        if (!c.inStartTag) invalid('BinXML token', at, 'attribute outside a start tag');
        const name = nameAt(c, at + 1, 'attribute name');
        push(c, OP.attribute, at, { name: name.name });
        c.inAttribute = true;
        p = name.next;
        break;
      }
      case TOKEN.closeStartElement:
        if (!c.inStartTag) invalid('BinXML token', at, 'close of a start tag that is not open');
        push(c, OP.startEnd, at);
        c.inStartTag = false;
        c.inAttribute = false;
        p = at + 1;
        break;
      case TOKEN.closeEmptyElement: {
        if (!c.inStartTag) invalid('BinXML token', at, 'empty-element close outside a start tag');
        push(c, OP.emptyEnd, at);
        endElement(ops, stack);
        c.inStartTag = false;
        c.inAttribute = false;
        p = at + 1;
        break;
      }
      case TOKEN.endElement:
        if (c.inStartTag || stack.length === 0) {
          invalid('BinXML token', at, 'end of an element that is not open');
        }
        push(c, OP.close, at);
        endElement(ops, stack);
        p = at + 1;
        break;
      case TOKEN.value: {
        content(c, at, 'value');
        const type = r.u8(at + 1, 'value type');
        if (type === VALUE_TYPE.string) {
          const count = r.u16(at + 2, 'value text length');
          push(c, OP.text, at, { text: r.utf16(at + 4, count, 'value text') });
          p = at + 4 + count * 2;
        } else {
          const size = FIXED_VALUE_SIZE[type];
          if (size === undefined)
            invalid('value type', at + 1, `0x${type.toString(16)} in a value token`);
          r.need(at + 2, size, 'value data');
          push(c, OP.text, at, { text: scalarText(r.bytes, r.view, type, at + 2, at + 2 + size) });
          p = at + 2 + size;
        }
        break;
      }
      case TOKEN.cdataSection: {
        content(c, at, 'CDATA section');
        const count = r.u16(at + 1, 'CDATA length');
        push(c, OP.cdata, at, { text: r.utf16(at + 3, count, 'CDATA text') });
        p = at + 3 + count * 2;
        break;
      }
      case TOKEN.charRef:
        content(c, at, 'character reference');
        push(c, OP.charRef, at, { index: r.u16(at + 1, 'character reference value') });
        p = at + 3;
        break;
      case TOKEN.entityRef: {
        content(c, at, 'entity reference');
        const name = nameAt(c, at + 1, 'entity name');
        push(c, OP.entityRef, at, { name: name.name });
        p = name.next;
        break;
      }
      case TOKEN.piTarget: {
        if (c.inStartTag) invalid('BinXML token', at, 'processing instruction inside a start tag');
        const target = nameAt(c, at + 1, 'PI target');
        p = target.next;
        let data = '';
        if (p < r.end && r.u8(p, 'BinXML token') === TOKEN.piData) {
          const count = r.u16(p + 1, 'PI data length');
          data = r.utf16(p + 3, count, 'PI data');
          p += 3 + count * 2;
        }
        push(c, OP.pi, at, { name: target.name, text: data });
        break;
      }
      case TOKEN.normalSubstitution:
      case TOKEN.optionalSubstitution: {
        if (mode !== 'template') invalid('BinXML token', at, 'substitution outside a template');
        content(c, at, 'substitution');
        const index = r.u16(at + 1, 'substitution index');
        const type = r.u8(at + 3, 'substitution value type');
        const optional = (token & ~TOKEN_MORE_FLAG) === TOKEN.optionalSubstitution;
        const owner = stack[stack.length - 1];
        if (owner !== undefined) {
          if (!owner.slots.includes(index)) owner.slots.push(index);
          if (optional && !c.inStartTag && !owner.guards.includes(index)) owner.guards.push(index);
        }
        push(c, OP.substitution, at, { index, type, optional });
        p = at + 4;
        break;
      }
      case TOKEN.templateInstance: {
        if (mode !== 'document') invalid('BinXML token', at, 'template instance inside a template');
        content(c, at, 'template instance');
        const parsed = readTemplateInstance(chunk, r, at);
        push(c, OP.instance, at, { instance: parsed });
        p = parsed.end;
        break;
      }
      case TOKEN.fragmentHeader:
        r.need(at, 4, 'fragment header');
        p = at + 4;
        break;
      default:
        invalid('BinXML token', at, `unknown token 0x${token.toString(16)}`);
    }
  }
  if (stack.length > 0 || c.inStartTag) invalid('BinXML data', p, 'ends inside an element');
  return { ops, end: p };
}

/**
 * The state of one compileFragment call. Its helpers are module functions over it rather than
 * closures: tsx (esbuild keepNames) wraps each closure in a `__name` call, paid on every compile.
 */
interface Compilation {
  readonly chunk: ChunkContext;
  readonly r: ByteReader;
  readonly origin: number;
  readonly nameFields: NameField[] | undefined;
  readonly ops: MutableOp[];
  inStartTag: boolean;
  inAttribute: boolean;
}

function push(c: Compilation, code: OpCode, at: number, fields: OpFields = {}): void {
  c.ops.push(op(code, at - c.origin, fields));
}

function nameAt(c: Compilation, at: number, field: string) {
  const ref = readNameRef(c.chunk, c.r, at, field);
  c.nameFields?.push({ at: at - c.origin, inline: ref.inline, name: ref.name });
  return ref;
}

function content(c: Compilation, at: number, what: string): void {
  if (c.inStartTag && !c.inAttribute) invalid('BinXML token', at, `${what} inside a start tag`);
}

function endElement(ops: MutableOp[], stack: OpenElement[]): void {
  const open = stack.pop();
  if (open === undefined) return;
  const opened = ops[open.index];
  if (opened === undefined) return;
  opened.end = ops.length;
  if (open.slots.length > 0) opened.slots = open.slots;
  if (open.guards.length > 0) opened.guards = open.guards;
}

/** Value tokens hold text almost always; these fixed-size types are read as well. */
const FIXED_VALUE_SIZE: Readonly<Record<number, number>> = {
  [VALUE_TYPE.int8]: 1,
  [VALUE_TYPE.uint8]: 1,
  [VALUE_TYPE.int16]: 2,
  [VALUE_TYPE.uint16]: 2,
  [VALUE_TYPE.int32]: 4,
  [VALUE_TYPE.uint32]: 4,
  [VALUE_TYPE.int64]: 8,
  [VALUE_TYPE.uint64]: 8,
  [VALUE_TYPE.real32]: 4,
  [VALUE_TYPE.real64]: 8,
  [VALUE_TYPE.bool]: 4,
  [VALUE_TYPE.guid]: 16,
  [VALUE_TYPE.fileTime]: 8,
  [VALUE_TYPE.sysTime]: 16,
  [VALUE_TYPE.hexInt32]: 4,
  [VALUE_TYPE.hexInt64]: 8,
};
