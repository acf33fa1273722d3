// Test-side chunk writer: records with templated or plain BinXML, and a header with real CRCs.
import {
  BinXmlWriter,
  instanceValues,
  type Node,
  type BinXmlWriter as Writer,
} from './binxml-writer.ts';
import { crc32 } from './crc.ts';
import { concat, fileTimeBytes, guidBytes, le, type Value } from './values.ts';

export const CHUNK_SIZE = 0x10000;

export interface TemplateSpec {
  readonly guid: string;
  readonly root: Node;
}

/** A value whose bytes depend on where it lands in the chunk (nested BinXML with names). */
export interface PlacedValue {
  readonly type: number;
  readonly build: (w: Writer, chunk: ChunkWriter) => void;
}

export type InstanceValue = Value | PlacedValue;

export type RecordBody =
  | { readonly template: TemplateSpec; readonly values: readonly InstanceValue[] }
  | { readonly document: readonly Node[] }
  | { readonly raw: Uint8Array };

export interface ChunkOptions {
  /** Leave both checksums 0 and set chunk flag 0x4, as Windows 10 2004+ may. */
  readonly noCrc?: boolean;
  /** Write every name inline instead of referring back to earlier occurrences. */
  readonly inlineNames?: boolean;
}

export class ChunkWriter {
  readonly bytes = new Uint8Array(CHUNK_SIZE);
  pos = 512;
  readonly names = new Map<string, number>();
  readonly templates = new Map<TemplateSpec, number>();
  private readonly ids: number[] = [];
  private lastRecordOffset = 0;
  private readonly options: ChunkOptions;

  constructor(options: ChunkOptions = {}) {
    this.options = options;
  }

  /** Appends a record; returns its chunk offset. */
  addRecord(
    id: number,
    body: RecordBody,
    written = new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
  ): number {
    const offset = this.pos;
    const w = new BinXmlWriter(offset + 24, this.names);
    w.forceInlineNames = this.options.inlineNames ?? false;
    if ('raw' in body) w.put(body.raw);
    else if ('document' in body) {
      w.fragmentHeader();
      for (const node of body.document) w.node(node, 'document');
      w.eof();
    } else {
      w.fragmentHeader();
      this.templateInstance(w, body.template, body.values);
      w.eof();
    }
    const size = 24 + w.bytes.length + 4;
    const record = concat(
      [0x2a, 0x2a, 0, 0],
      le(4, size),
      le(8, id),
      fileTimeBytes(written),
      w.bytes,
      le(4, size),
    );
    if (offset + record.length > CHUNK_SIZE) throw new Error('record does not fit in the chunk');
    this.bytes.set(record, offset);
    this.pos += record.length;
    this.ids.push(id);
    this.lastRecordOffset = offset;
    return offset;
  }

  /** Writes a template instance token, defining the template inline the first time it is used. */
  templateInstance(w: Writer, template: TemplateSpec, values: readonly InstanceValue[]): void {
    w.put([0x0c, 0x01], guidBytes(template.guid).subarray(0, 4));
    const known = this.templates.get(template);
    if (known !== undefined) {
      w.put(le(4, known));
    } else {
      const definition = w.offset + 4;
      this.templates.set(template, definition);
      w.put(le(4, definition), le(4, 0), guidBytes(template.guid));
      const sizeAt = w.bytes.length;
      w.put(le(4, 0));
      w.fragmentHeader();
      w.node(template.root, 'template');
      w.eof();
      w.patch32(sizeAt, w.bytes.length - sizeAt - 4);
    }
    this.instanceValues(w, values);
  }

  private instanceValues(w: Writer, values: readonly InstanceValue[]): void {
    const built = values.map((value) => ('bytes' in value ? value : undefined));
    if (built.every((value) => value !== undefined)) {
      w.put(instanceValues(built as Value[]));
      return;
    }
    // Placed values: write descriptors with placeholder sizes, then each value, then patch.
    w.put(le(4, values.length));
    const descriptorsAt = w.bytes.length;
    for (const value of values) w.put(le(2, 0), [value.type, 0]);
    values.forEach((value, i) => {
      const start = w.bytes.length;
      if ('bytes' in value) w.put(value.bytes);
      else value.build(w, this);
      const size = w.bytes.length - start;
      w.bytes[descriptorsAt + i * 4] = size & 0xff;
      w.bytes[descriptorsAt + i * 4 + 1] = size >> 8;
    });
  }

  /** The finished 64 KiB chunk with its header and checksums. */
  finish(): Uint8Array {
    const b = this.bytes;
    b.set([0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00], 0);
    const first = this.ids[0] ?? 0;
    const last = this.ids[this.ids.length - 1] ?? 0;
    b.set(concat(le(8, first), le(8, last), le(8, first), le(8, last)), 8);
    b.set(concat(le(4, 128), le(4, this.lastRecordOffset), le(4, this.pos)), 40);
    const noCrc = this.options.noCrc ?? false;
    b.set(le(4, noCrc ? 0 : crc32(b, 512, this.pos)), 52);
    b.set(le(4, noCrc ? 5 : 1), 120);
    b.set(le(4, noCrc ? 0 : crc32(b, 128, 512, crc32(b, 0, 120))), 124);
    return b;
  }
}

export interface FileOptions {
  /** The header's chunk count (default: the number of chunks). */
  readonly chunkCount?: number;
  readonly flags?: number;
}

/** An EVTX file: a 4096-byte header (with its CRC) followed by the chunks. */
export function evtxFile(chunks: readonly Uint8Array[], options: FileOptions = {}): Uint8Array {
  const header = new Uint8Array(4096);
  header.set([0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00], 0);
  const count = options.chunkCount ?? chunks.length;
  header.set(
    concat(
      le(8, 0),
      le(8, Math.max(0, count - 1)),
      le(8, 1),
      le(4, 128),
      le(2, 1),
      le(2, 3),
      le(2, 4096),
      le(2, count),
    ),
    8,
  );
  const flags = options.flags ?? 0;
  header.set(le(4, flags), 120);
  header.set(le(4, flags & 4 ? 0 : crc32(header, 0, 120)), 124);
  return concat(header, ...chunks);
}

/** Recomputes a chunk's checksums after a test changed its bytes (so only the intended damage shows). */
export function resealChunk(chunk: Uint8Array): Uint8Array {
  const freeSpace = new DataView(chunk.buffer, chunk.byteOffset).getUint32(48, true);
  chunk.set(le(4, crc32(chunk, 512, Math.min(freeSpace, CHUNK_SIZE))), 52);
  chunk.set(le(4, crc32(chunk, 128, 512, crc32(chunk, 0, 120))), 124);
  return chunk;
}

/** A chunk of `count` sample records numbered from `first`. */
export function sampleChunk(
  first: number,
  count: number,
  template: TemplateSpec,
  values: (n: number) => readonly InstanceValue[],
): ChunkWriter {
  const chunk = new ChunkWriter();
  for (let n = first; n < first + count; n++) chunk.addRecord(n, { template, values: values(n) });
  return chunk;
}
