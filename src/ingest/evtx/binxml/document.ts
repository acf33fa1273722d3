// Runs a record's BinXML (or a nested BinXML value) into a sink: templated or not.
import type { ByteReader } from '../byte-reader.ts';
import { beyondLimit } from '../decode-error.ts';
import { type ChunkContext, createChunkContext } from './chunk-context.ts';
import { compileFragment } from './compile.ts';
import {
  type ExecutionState,
  MAX_NESTING,
  MAX_RECORD_NODES,
  runDocument,
  runInstance,
} from './execute.ts';
import { type TemplateInstance, ValueTable } from './program.ts';
import type { BinXmlSink } from './sink.ts';
import { readTemplateInstance } from './template-instance.ts';
import { TOKEN } from './tokens.ts';

interface RunnerState extends ExecutionState {
  sink: BinXmlSink;
  /** The value table of the template instance at each nesting depth. */
  readonly tables: ValueTable[];
}

/** Decodes records' BinXML into sinks, reusing its per-depth value tables and caches. */
export class BinXmlRunner {
  private readonly state: RunnerState;

  constructor(sink: BinXmlSink) {
    const chunk = createChunkContext(new Uint8Array(0));
    this.state = { chunk, sink, budget: 0, runNested, texts: [], tables: [] };
  }

  /**
   * Nearly every record is a fragment header, one template instance and EOF: for that shape this
   * returns the instance (its values live until the next call); for any other, undefined.
   */
  singleInstance(chunk: ChunkContext, r: ByteReader): TemplateInstance | undefined {
    return singleInstanceAt(chunk, r, this.table(0));
  }

  runInstance(chunk: ChunkContext, instance: TemplateInstance, sink: BinXmlSink): void {
    const state = this.reset(chunk, sink);
    runInstance(state, instance, 0);
  }

  /** Decodes the BinXML in `r` (one record's BinXML window in `chunk`) into `sink`. */
  run(chunk: ChunkContext, r: ByteReader, sink: BinXmlSink): void {
    runDocumentIn(this.reset(chunk, sink), r, 0);
  }

  private reset(chunk: ChunkContext, sink: BinXmlSink): RunnerState {
    const state = this.state;
    state.chunk = chunk;
    state.sink = sink;
    state.budget = MAX_RECORD_NODES;
    return state;
  }

  private table(depth: number): ValueTable {
    let table = this.state.tables[depth];
    if (table === undefined) {
      table = new ValueTable();
      this.state.tables[depth] = table;
    }
    return table;
  }
}

export function singleInstanceAt(
  chunk: ChunkContext,
  r: ByteReader,
  table: ValueTable,
): TemplateInstance | undefined {
  let p = r.start;
  if (p < r.end && r.bytes[p] === TOKEN.fragmentHeader) p += 4;
  if (p >= r.end || r.bytes[p] !== TOKEN.templateInstance) return undefined;
  const parsed = readTemplateInstance(chunk, r, p, table);
  return parsed.end >= r.end || r.bytes[parsed.end] === TOKEN.eof ? parsed : undefined;
}

function runNested(state: ExecutionState, start: number, end: number, depth: number): void {
  if (depth > MAX_NESTING) beyondLimit('BinXML value', start, `nested deeper than ${MAX_NESTING}`);
  runDocumentIn(state as RunnerState, state.chunk.reader.window(start, end), depth);
}

/** A single instance runs its cached template; anything else is compiled as a one-off document. */
function runDocumentIn(state: RunnerState, r: ByteReader, depth: number): void {
  let table = state.tables[depth];
  if (table === undefined) {
    table = new ValueTable();
    state.tables[depth] = table;
  }
  const instance = singleInstanceAt(state.chunk, r, table);
  if (instance !== undefined) {
    runInstance(state, instance, depth);
    return;
  }
  const { ops } = compileFragment(state.chunk, r, r.start, 'document');
  runDocument(state, ops, depth);
}
