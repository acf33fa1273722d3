// Runs a record's BinXML (or a nested BinXML value) into a sink: templated or not.
import type { ByteReader } from '../byte-reader.ts';
import { invalid } from '../decode-error.ts';
import type { ChunkContext } from './chunk-context.ts';
import { compileFragment } from './compile.ts';
import {
  type ExecutionState,
  MAX_NESTING,
  MAX_RECORD_NODES,
  runDocument,
  runInstance,
} from './execute.ts';
import type { BinXmlSink } from './sink.ts';
import { readTemplateInstance } from './template-instance.ts';
import { TOKEN } from './tokens.ts';

/** Decodes the BinXML in `r` (one record's BinXML window) into `sink`. */
export function runRecordBinXml(chunk: ChunkContext, r: ByteReader, sink: BinXmlSink): void {
  const state: ExecutionState = { chunk, sink, budget: MAX_RECORD_NODES, runNested };
  runDocumentIn(state, r, 0);
}

function runNested(state: ExecutionState, start: number, end: number, depth: number): void {
  if (depth > MAX_NESTING) invalid('BinXML value', start, `nested deeper than ${MAX_NESTING}`);
  runDocumentIn(state, state.chunk.reader.window(start, end), depth);
}

/**
 * Nearly every record is a fragment header, one template instance and EOF: that shape runs the
 * cached template directly. Anything else (records written without templates, several fragments,
 * processing instructions) is compiled as a one-off document.
 */
function runDocumentIn(state: ExecutionState, r: ByteReader, depth: number): void {
  const { chunk } = state;
  let p = r.start;
  if (p < r.end && r.bytes[p] === TOKEN.fragmentHeader) p += 4;
  if (p < r.end && r.bytes[p] === TOKEN.templateInstance) {
    const parsed = readTemplateInstance(chunk, r, p);
    if (parsed.end >= r.end || r.bytes[parsed.end] === TOKEN.eof) {
      runInstance(state, parsed.instance, depth);
      return;
    }
  }
  const { ops } = compileFragment(chunk, r, r.start, 'document');
  runDocument(state, ops, depth);
}
