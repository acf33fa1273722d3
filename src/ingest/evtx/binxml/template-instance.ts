// Template instances: the template they use (compiled once per chunk) and their values.
import type { ByteReader } from '../byte-reader.ts';
import { EvtxDecodeError, invalid } from '../decode-error.ts';
import { guidText } from '../values/identifiers.ts';
import type { ChunkContext } from './chunk-context.ts';
import { compileFragment } from './compile.ts';
import { type Template, type TemplateInstance, ValueTable } from './program.ts';

/** Next-definition offset, GUID and data size precede a template's BinXML. */
const DEFINITION_HEADER_SIZE = 24;

export interface ParsedInstance {
  readonly instance: TemplateInstance;
  /** Offset just after the instance's values. */
  readonly end: number;
}

/**
 * Reads the template instance whose token is at `at`. The definition may be inline (its offset
 * points right after the offset field) or earlier in the chunk; values are read from `r`, the
 * record's BinXML window, so they cannot spill into the next record.
 */
export function readTemplateInstance(
  chunk: ChunkContext,
  r: ByteReader,
  at: number,
  into: ValueTable = new ValueTable(),
): ParsedInstance {
  const definitionOffset = r.u32(at + 6, 'template definition offset');
  let p = at + 10;
  if (definitionOffset === p) {
    const size = r.u32(p + 20, 'template definition data size');
    r.need(p + DEFINITION_HEADER_SIZE, size, 'template definition data');
    p += DEFINITION_HEADER_SIZE + size;
  }
  const template = templateAt(chunk, definitionOffset);
  const end = readTemplateValues(r, p, into);
  return { instance: { template, values: into }, end };
}

/** Fills `into` with the value descriptors at `at`; returns the offset after the values. */
function readTemplateValues(r: ByteReader, at: number, into: ValueTable): number {
  const count = r.u32(at, 'template value count');
  r.need(at + 4, count * 4, 'template value descriptors');
  into.reset(count, at);
  const { types, starts, ends } = into;
  const view = r.view;
  let p = at + 4 + count * 4;
  for (let i = 0; i < count; i++) {
    const size = view.getUint16(at + 4 + i * 4, true);
    types[i] = r.bytes[at + 6 + i * 4] as number;
    if (p + size > r.end) r.need(p, size, 'template value data');
    starts[i] = p;
    ends[i] = p + size;
    p += size;
  }
  return p;
}

/** The compiled template at a chunk offset; compile failures are cached as well. */
function templateAt(chunk: ChunkContext, offset: number): Template {
  const cached = chunk.templates.get(offset);
  if (cached !== undefined) {
    if (cached instanceof EvtxDecodeError) throw cached;
    return cached;
  }
  try {
    const template = compileTemplate(chunk, offset);
    chunk.templates.set(offset, template);
    return template;
  } catch (error) {
    if (error instanceof EvtxDecodeError) chunk.templates.set(offset, error);
    throw error;
  }
}

function compileTemplate(chunk: ChunkContext, offset: number): Template {
  const r = chunk.reader;
  r.need(offset, DEFINITION_HEADER_SIZE, 'template definition header');
  const size = r.u32(offset + 20, 'template definition data size');
  const start = offset + DEFINITION_HEADER_SIZE;
  if (start + size > r.end) {
    invalid('template definition data size', offset + 20, `${size} runs past the chunk end`);
  }
  const { ops } = compileFragment(chunk, r.window(start, start + size), start, 'template');
  return { offset, guid: guidText(chunk.bytes, offset + 4), ops };
}
