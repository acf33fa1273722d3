// Decodes one record's BinXML into the outputs asked for: event parts, XML, or both.

import type { WindowsEventParts } from '../windows/windows-event.ts';
import type { ChunkContext } from './binxml/chunk-context.ts';
import { BinXmlRunner } from './binxml/document.ts';
import type { BinXmlSink } from './binxml/sink.ts';
import { invalid } from './decode-error.ts';
import type { DecodedRecord, RecordOutput } from './decoded.ts';
import type { EvtxRecordHeader } from './record-header.ts';
import { EventPartsSink } from './render/event-parts.ts';
import { PartsPlanner } from './render/parts-plan.ts';
import { TeeSink } from './render/tee-sink.ts';
import { type XmlStyle, XmlWriter } from './render/xml-writer.ts';

export interface RecordOutputs {
  /** Extract System values and Data items (what events are built from). */
  readonly parts: boolean;
  /** Render each record as XML in this style. */
  readonly xml: XmlStyle | undefined;
}

/**
 * Reusable sinks and caches; one decoder per thread. Parts come from a per-template plan when
 * the record allows it (see PartsPlanner), otherwise from replaying the template; XML always
 * comes from replaying it.
 */
export class RecordDecoder implements RecordOutput<DecodedRecord> {
  private readonly partsSink: EventPartsSink | undefined;
  private readonly xmlWriter: XmlWriter | undefined;
  private readonly bothSink: BinXmlSink | undefined;
  private readonly planner: PartsPlanner | undefined;
  private readonly runner: BinXmlRunner;

  constructor(outputs: RecordOutputs) {
    this.partsSink = outputs.parts ? new EventPartsSink() : undefined;
    this.planner = outputs.parts ? new PartsPlanner() : undefined;
    this.xmlWriter = outputs.xml === undefined ? undefined : new XmlWriter(outputs.xml);
    if (this.partsSink === undefined && this.xmlWriter === undefined) {
      throw new Error('RecordDecoder needs parts or XML output');
    }
    this.runner = new BinXmlRunner(this.partsSink ?? (this.xmlWriter as XmlWriter));
    this.bothSink =
      this.partsSink !== undefined && this.xmlWriter !== undefined
        ? new TeeSink(this.partsSink, this.xmlWriter)
        : undefined;
  }

  /** Throws `EvtxDecodeError` (offsets relative to the chunk) when the BinXML is damaged. */
  decode(
    chunk: ChunkContext,
    header: EvtxRecordHeader,
    chunkOffset: number,
    recovered: boolean,
  ): DecodedRecord {
    const r = chunk.reader.window(header.binXmlStart, header.binXmlEnd);
    const runner = this.runner;
    let parts: WindowsEventParts | undefined;
    let xml: string | undefined;
    try {
      const instance = runner.singleInstance(chunk, r);
      if (instance !== undefined && this.planner !== undefined) {
        const plan = this.planner.plan(chunk, instance);
        if (plan !== undefined) {
          if (plan.elements === 0) invalid('record BinXML', r.start, 'holds no element');
          parts = this.planner.fill(plan);
        }
      }
      if (parts !== undefined || this.partsSink === undefined) {
        if (this.xmlWriter !== undefined) {
          if (instance !== undefined) runner.runInstance(chunk, instance, this.xmlWriter);
          else runner.run(chunk, r, this.xmlWriter);
          xml = this.xmlWriter.take();
          if (xml === '') invalid('record BinXML', r.start, 'holds no element');
        }
      } else {
        const sink = this.bothSink ?? this.partsSink;
        if (instance !== undefined) runner.runInstance(chunk, instance, sink);
        else runner.run(chunk, r, sink);
        if (this.partsSink.opened === 0) invalid('record BinXML', r.start, 'holds no element');
        parts = this.partsSink.take();
        xml = this.xmlWriter?.take();
      }
    } catch (error) {
      this.partsSink?.take();
      this.xmlWriter?.take();
      throw error;
    }
    return {
      recordId: header.recordId,
      offset: chunkOffset + header.offset,
      parts,
      xml,
      recovered,
    };
  }
}
