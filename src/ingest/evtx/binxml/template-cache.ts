// Compiled templates shared across chunks: a template is compiled once per reader, not once per
// chunk, and reused in a chunk only where that chunk's definition bytes match the compiled one.
import { asBuffer } from '../byte-reader.ts';
import { invalid } from '../decode-error.ts';
import { guidText } from '../values/identifiers.ts';
import type { ChunkContext } from './chunk-context.ts';
import { compileFragment, type NameField } from './compile.ts';
import { DEFINITION_HEADER_SIZE } from './definition-header.ts';
import { NAME_HEADER_SIZE } from './names.ts';
import { type CompiledTemplate, OP, type Op, type Template } from './program.ts';

/** The next-definition link is the only header field that depends on the chunk. */
const LINK_SIZE = 4;

// Bounds on what the cache holds, whatever the input: past either it starts over.
const MAX_TEMPLATES = 2048;
const MAX_IMAGE_BYTES = 16 << 20;

interface Entry {
  readonly compiled: CompiledTemplate;
  /** The definition after its next-definition link: GUID, data size and data. */
  readonly image: Uint8Array;
  /** Name offset fields, ascending; offsets relative to the definition. */
  readonly names: readonly NameField[];
}

/**
 * Windows writes each template again in every chunk that uses it (MS-EVEN6 §3.1.4.7.2: names
 * and templates are referenced by chunk offset), so a file repeats a few hundred templates
 * across thousands of chunks. A definition is the same template as a cached one when its bytes
 * are equal except for chunk offsets: the next-definition link, and name references, which must
 * be inline where the cached ones were inline (their text then compared as bytes) or point at a
 * name with the same text.
 */
export class TemplateCache {
  /** Keyed by a hash of the GUID and size; `matches` compares them (they begin the image). */
  private readonly byKey = new Map<number, Entry[]>();
  private count = 0;
  private imageBytes = 0;
  private nextId = 1;

  /** The template defined at chunk offset `offset`; throws `EvtxDecodeError` as compiling does. */
  templateAt(chunk: ChunkContext, offset: number): Template {
    const { bytes, view } = chunk;
    if (offset + DEFINITION_HEADER_SIZE > bytes.length) return this.compile(chunk, offset, -1);
    const size = view.getUint32(offset + 20, true);
    if (offset + DEFINITION_HEADER_SIZE + size > bytes.length) {
      return this.compile(chunk, offset, -1);
    }
    const key =
      (Math.imul(view.getUint32(offset + 4, true), 31) ^
        view.getUint32(offset + 8, true) ^
        view.getUint32(offset + 12, true) ^
        view.getUint32(offset + 16, true) ^
        size) >>>
      0;
    const entries = this.byKey.get(key);
    if (entries !== undefined) {
      for (const entry of entries) {
        if (matches(entry, chunk, offset)) {
          const compiled = entry.compiled;
          return { offset, guid: compiled.guid, ops: compiled.ops, compiled };
        }
      }
    }
    return this.compile(chunk, offset, key);
  }

  clear(): void {
    this.byKey.clear();
    this.count = 0;
    this.imageBytes = 0;
  }

  /** Compiles the definition; remembers it under `key` unless that is -1 (no whole header). */
  private compile(chunk: ChunkContext, offset: number, key: number): Template {
    const names: NameField[] = [];
    const compiled = compileTemplate(chunk, offset, this.nextId++, names);
    if (key >= 0) this.remember(key, chunk, offset, compiled, names);
    return { offset, guid: compiled.guid, ops: compiled.ops, compiled };
  }

  private remember(
    key: number,
    chunk: ChunkContext,
    offset: number,
    compiled: CompiledTemplate,
    names: readonly NameField[],
  ): void {
    const size = chunk.view.getUint32(offset + 20, true);
    // A copy: `slice` of a Buffer (the reader's reused read blocks) is a view onto bytes that
    // the next reads overwrite.
    const image = Uint8Array.prototype.slice.call(
      chunk.bytes,
      offset + LINK_SIZE,
      offset + DEFINITION_HEADER_SIZE + size,
    );
    if (this.count >= MAX_TEMPLATES || this.imageBytes + image.length > MAX_IMAGE_BYTES) {
      this.clear();
    }
    const entry: Entry = { compiled, image, names };
    const entries = this.byKey.get(key);
    if (entries === undefined) this.byKey.set(key, [entry]);
    else entries.push(entry);
    this.count++;
    this.imageBytes += image.length;
  }
}

function compileTemplate(
  chunk: ChunkContext,
  offset: number,
  id: number,
  names: NameField[],
): CompiledTemplate {
  const r = chunk.reader;
  r.need(offset, DEFINITION_HEADER_SIZE, 'template definition header');
  const size = r.u32(offset + 20, 'template definition data size');
  const start = offset + DEFINITION_HEADER_SIZE;
  if (start + size > r.end) {
    invalid('template definition data size', offset + 20, `${size} runs past the chunk end`);
  }
  const window = r.window(start, start + size);
  const { ops } = compileFragment(chunk, window, start, 'template', offset, names);
  return { id, guid: guidText(chunk.bytes, offset + 4), ops, refs: referencedValues(ops) };
}

function referencedValues(ops: readonly Op[]): number[] {
  const refs = new Set<number>();
  for (const op of ops) if (op.op === OP.substitution) refs.add(op.index);
  return [...refs].sort((a, b) => a - b);
}

/** Whether the definition at `offset` is the cached template (see TemplateCache). */
function matches(entry: Entry, chunk: ChunkContext, offset: number): boolean {
  const { bytes, view } = chunk;
  const image = entry.image;
  const base = offset + LINK_SIZE;
  if (base + image.length > bytes.length) return false;
  let from = 0;
  for (const field of entry.names) {
    const at = field.at - LINK_SIZE;
    if (!sameBytes(bytes, base, image, from, at)) return false;
    const target = view.getUint32(offset + field.at, true);
    const inline = target === offset + field.at + 4;
    if (inline !== field.inline) return false;
    if (inline) {
      // The offset field and the inline name's own next-name link.
      from = at + 8;
    } else {
      if (!nameIs(bytes, view, target, field.name)) return false;
      from = at + 4;
    }
  }
  return sameBytes(bytes, base, image, from, image.length);
}

/** Below this a loop beats the native compare's call overhead (runs between names are short). */
const NATIVE_COMPARE_FROM = 64;

/** `bytes[base + from, base + to)` equals `image[from, to)`. */
function sameBytes(
  bytes: Uint8Array,
  base: number,
  image: Uint8Array,
  from: number,
  to: number,
): boolean {
  if (to - from >= NATIVE_COMPARE_FROM) {
    return asBuffer(bytes).compare(image, from, to, base + from, base + to) === 0;
  }
  for (let i = from; i < to; i++) if (bytes[base + i] !== image[i]) return false;
  return true;
}

/** Whether the name structure at chunk offset `at` holds `name`. */
function nameIs(bytes: Uint8Array, view: DataView, at: number, name: string): boolean {
  const end = at + NAME_HEADER_SIZE + name.length * 2;
  if (end > bytes.length || view.getUint16(at + 6, true) !== name.length) return false;
  for (let i = 0; i < name.length; i++) {
    if (view.getUint16(at + NAME_HEADER_SIZE + i * 2, true) !== name.charCodeAt(i)) return false;
  }
  return true;
}
