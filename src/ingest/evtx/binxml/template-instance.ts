// Template instances: the template they use (looked up once per chunk) and their values.
import type { ByteReader } from '../byte-reader.ts';
import { EvtxDecodeError } from '../decode-error.ts';
import type { ChunkContext } from './chunk-context.ts';
import { DEFINITION_HEADER_SIZE } from './definition-header.ts';
import { type Template, ValueTable } from './program.ts';

/**
 * Reads the template instance whose token is at `at` into `into` (template, values, end). The definition may be inline (its offset
 * points right after the offset field) or earlier in the chunk; values are read from `r`, the
 * record's BinXML window, so they cannot spill into the next record.
 */
export function readTemplateInstance(
  chunk: ChunkContext,
  r: ByteReader,
  at: number,
  into: ValueTable = new ValueTable(),
): ValueTable {
  const definitionOffset = r.u32(at + 6, 'template definition offset');
  let p = at + 10;
  if (definitionOffset === p) {
    const size = r.u32(p + 20, 'template definition data size');
    r.need(p + DEFINITION_HEADER_SIZE, size, 'template definition data');
    p += DEFINITION_HEADER_SIZE + size;
  }
  into.template = templateAt(chunk, definitionOffset);
  into.end = readTemplateValues(r, p, into);
  return into;
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

/** The template defined at a chunk offset; failures are remembered for the chunk as well. */
function templateAt(chunk: ChunkContext, offset: number): Template {
  const cached = chunk.templates.get(offset);
  if (cached !== undefined) {
    if (cached instanceof EvtxDecodeError) throw cached;
    return cached;
  }
  try {
    const template = chunk.cache.templateAt(chunk, offset);
    chunk.templates.set(offset, template);
    return template;
  } catch (error) {
    if (error instanceof EvtxDecodeError) chunk.templates.set(offset, error);
    throw error;
  }
}
