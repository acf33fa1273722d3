// `_raw` rendered on first read: an event gets an accessor that renders its record's XML from
// the chunk it came from, so events whose `_raw` nothing reads never pay for the rendering.
import type { Event, MaybeValue } from '../../../core/index.ts';
import type { ChunkContext } from '../binxml/chunk-context.ts';
import { BinXmlRunner } from '../binxml/document.ts';
import { type XmlStyle, XmlWriter } from './xml-writer.ts';

/** Where an event's `_raw` comes from until it is read (then the text itself). */
interface RawSource {
  readonly renderer: LazyRawRenderer;
  /** The record's chunk (a private copy of its bytes); dropped once rendered. */
  chunk: ChunkContext | undefined;
  readonly start: number;
  readonly end: number;
  value: MaybeValue;
}

// Non-enumerable: invisible to Object.keys, JSON, spread and deep equality.
const RAW_SOURCE = Symbol('evtx raw source');

// One getter and setter for every event, so events keep sharing their hidden classes.
function getRaw(this: Event): MaybeValue {
  const source = (this as Record<symbol, RawSource | undefined>)[RAW_SOURCE];
  if (source === undefined) return undefined;
  if (source.chunk !== undefined) {
    source.value = source.renderer.render(source.chunk, source.start, source.end);
    source.chunk = undefined;
  }
  return source.value;
}

function setRaw(this: Event, value: MaybeValue): void {
  const source = (this as Record<symbol, RawSource | undefined>)[RAW_SOURCE];
  if (source === undefined) return;
  source.value = value;
  source.chunk = undefined;
}

const RAW_ACCESSOR: PropertyDescriptor = {
  get: getRaw,
  set: setRaw,
  enumerable: true,
  configurable: true,
};

/**
 * Renders records' XML (as Windows does, or as evtxexport), when an event's `_raw` is first read. Rendering a
 * record whose event was built cannot fail: it replays the same template with the same values
 * the event was read from (arrays and damaged values were refused while decoding).
 */
export class LazyRawRenderer {
  private readonly writer: XmlWriter;
  private readonly runner: BinXmlRunner;

  constructor(style: XmlStyle) {
    this.writer = new XmlWriter(style);
    this.runner = new BinXmlRunner(this.writer);
  }

  /** Gives `event` a `_raw` rendered from the record's BinXML at `[start, end)` of `chunk`. */
  attach(event: Event, chunk: ChunkContext, start: number, end: number): void {
    const source: RawSource = { renderer: this, chunk, start, end, value: undefined };
    Object.defineProperty(event, RAW_SOURCE, { value: source });
    Object.defineProperty(event, '_raw', RAW_ACCESSOR);
  }

  render(chunk: ChunkContext, start: number, end: number): string {
    try {
      this.runner.run(chunk, chunk.reader.window(start, end), this.writer);
      return this.writer.take();
    } catch (error) {
      this.writer.take();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`internal error: the XML of a decoded EVTX record failed (${reason})`);
    }
  }
}
