// Decodes records straight to events: from the record's parts plan where it has one, else by
// replaying its BinXML into the parts sink; `_raw` rendered alongside when asked for.
import type { Event } from '../../core/index.ts';
import { type WindowsEventMeta, windowsEventToEvent } from '../windows/windows-event.ts';
import type { ChunkContext } from './binxml/chunk-context.ts';
import { BinXmlRunner } from './binxml/document.ts';
import type { BinXmlSink } from './binxml/sink.ts';
import { ChunkReader } from './decode-chunk.ts';
import { invalid } from './decode-error.ts';
import type { EventChunk, RecordOutput, RecordRef } from './decoded.ts';
import type { EvtxRecordHeader } from './record-header.ts';
import { EventPartsSink } from './render/event-parts.ts';
import { LazyRawRenderer } from './render/lazy-raw.ts';
import { PartsPlanner } from './render/parts-plan.ts';
import { PlanEventBuilder } from './render/plan-event.ts';
import { TeeSink } from './render/tee-sink.ts';
import { type XmlStyle, XmlWriter } from './render/xml-writer.ts';

/**
 * `_raw`: none (nothing downstream reads it), rendered with every record (`eager`: worker
 * threads, whose events cross to the main thread as data), or on first read (`lazy`).
 */
export type RawMode = 'none' | 'eager' | 'lazy';

/** How events are built: plain data, so that worker threads can be given it. */
export interface EventDecodeOptions {
  /** Splunk index of every event. */
  readonly index: string;
  /** Replaces each event's `source` / `sourcetype`. */
  readonly source?: string | undefined;
  readonly sourcetype?: string | undefined;
  /** `_raw`: the record as Windows renders it (see RawMode). */
  readonly raw: RawMode;
  /** The layout of `_raw`; default `windows` (as Splunk indexes `XmlWinEventLog`). */
  readonly rawStyle?: XmlStyle | undefined;
  /** Also decode records found in slack space and in chunks whose header is damaged. */
  readonly recover: boolean;
}

/** Records to events, with the sinks, plans and builders reused record after record. */
class EventDecoder implements RecordOutput<Event> {
  /** Records decoded since the last `takeUntimed` whose `_time` is 0 (ING401). */
  private untimed: RecordRef[] = [];
  private missingTime = false;
  private readonly meta: WindowsEventMeta;
  private readonly partsSink = new EventPartsSink();
  private readonly xmlWriter: XmlWriter | undefined;
  private readonly replaySink: BinXmlSink;
  private readonly planner = new PartsPlanner();
  private readonly builder = new PlanEventBuilder();
  private readonly runner: BinXmlRunner;
  private readonly lazyRaw: LazyRawRenderer | undefined;

  constructor(options: EventDecodeOptions) {
    this.meta = {
      index: options.index,
      ...(options.source === undefined ? {} : { source: options.source }),
      ...(options.sourcetype === undefined ? {} : { sourcetype: options.sourcetype }),
      onMissingTime: () => {
        this.missingTime = true;
      },
    };
    const style = options.rawStyle ?? 'windows';
    this.xmlWriter = options.raw === 'eager' ? new XmlWriter(style) : undefined;
    this.lazyRaw = options.raw === 'lazy' ? new LazyRawRenderer(style) : undefined;
    this.replaySink =
      this.xmlWriter === undefined ? this.partsSink : new TeeSink(this.partsSink, this.xmlWriter);
    this.runner = new BinXmlRunner(this.partsSink);
  }

  decode(
    chunk: ChunkContext,
    header: EvtxRecordHeader,
    chunkOffset: number,
    _recovered: boolean,
  ): Event {
    const r = chunk.reader.window(header.binXmlStart, header.binXmlEnd);
    const runner = this.runner;
    const xmlWriter = this.xmlWriter;
    this.missingTime = false;
    let event: Event;
    try {
      const instance = runner.singleInstance(chunk, r);
      const plan = instance === undefined ? undefined : this.planner.plan(chunk, instance);
      if (plan !== undefined && instance !== undefined) {
        if (plan.elements === 0) invalid('record BinXML', r.start, 'holds no element');
        const xml =
          xmlWriter === undefined ? undefined : renderXml(runner, chunk, instance, xmlWriter);
        event = this.builder.build(plan, this.planner, this.meta);
        if (xml !== undefined) event['_raw'] = xml;
      } else {
        if (instance !== undefined) runner.runInstance(chunk, instance, this.replaySink);
        else runner.run(chunk, r, this.replaySink);
        if (this.partsSink.opened === 0) invalid('record BinXML', r.start, 'holds no element');
        const parts = this.partsSink.take();
        const xml = xmlWriter?.take();
        event = windowsEventToEvent(parts, this.meta);
        if (xml !== undefined) event['_raw'] = xml;
      }
    } catch (error) {
      this.partsSink.take();
      xmlWriter?.take();
      throw error;
    }
    this.lazyRaw?.attach(event, chunk, header.binXmlStart, header.binXmlEnd);
    if (this.missingTime) {
      this.untimed.push({ recordId: header.recordId, offset: chunkOffset + header.offset });
    }
    return event;
  }

  takeUntimed(): RecordRef[] {
    const untimed = this.untimed;
    if (untimed.length > 0) this.untimed = [];
    return untimed;
  }
}

function renderXml(
  runner: BinXmlRunner,
  chunk: ChunkContext,
  instance: Parameters<BinXmlRunner['runInstance']>[1],
  writer: XmlWriter,
): string {
  runner.runInstance(chunk, instance, writer);
  return writer.take();
}

/** Decodes chunks one after another to events (see EventChunk). */
export class EventChunkDecoder {
  private readonly events: EventDecoder;
  private readonly chunks: ChunkReader<Event>;
  /** Lazy `_raw` keeps the chunk: it gets its own copy (the caller's bytes are reused). */
  private readonly ownBytes: boolean;

  constructor(options: EventDecodeOptions) {
    this.events = new EventDecoder(options);
    this.chunks = new ChunkReader(this.events, options.recover);
    this.ownBytes = options.raw === 'lazy';
  }

  /** As ChunkDecoder.decode, with records as events. */
  decode(bytes: Uint8Array, index: number, fileOffset: number): EventChunk {
    const own = this.ownBytes ? Buffer.from(bytes) : bytes;
    const chunk = this.chunks.decode(own, index, fileOffset);
    return { ...chunk, untimed: this.events.takeUntimed() };
  }
}
