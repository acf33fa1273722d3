// Decodes one record's BinXML into the outputs asked for: event parts, XML, or both.
import type { ChunkContext } from './binxml/chunk-context.ts';
import { runRecordBinXml } from './binxml/document.ts';
import type { BinXmlSink } from './binxml/sink.ts';
import type { DecodedRecord } from './decoded.ts';
import type { EvtxRecordHeader } from './record-header.ts';
import { EventPartsSink } from './render/event-parts.ts';
import { TeeSink } from './render/tee-sink.ts';
import { type XmlStyle, XmlWriter } from './render/xml-writer.ts';

export interface RecordOutputs {
  /** Extract System values and Data items (what events are built from). */
  readonly parts: boolean;
  /** Render each record as XML in this style. */
  readonly xml: XmlStyle | undefined;
}

/** Reusable sinks; one decoder per thread. */
export class RecordDecoder {
  private readonly partsSink: EventPartsSink | undefined;
  private readonly xmlWriter: XmlWriter | undefined;
  private readonly sink: BinXmlSink;

  constructor(outputs: RecordOutputs) {
    this.partsSink = outputs.parts ? new EventPartsSink() : undefined;
    this.xmlWriter = outputs.xml === undefined ? undefined : new XmlWriter(outputs.xml);
    if (this.partsSink !== undefined && this.xmlWriter !== undefined) {
      this.sink = new TeeSink(this.partsSink, this.xmlWriter);
    } else {
      const only = this.partsSink ?? this.xmlWriter;
      if (only === undefined) throw new Error('RecordDecoder needs parts or XML output');
      this.sink = only;
    }
  }

  /** Throws `EvtxDecodeError` (offsets relative to the chunk) when the BinXML is damaged. */
  decode(
    chunk: ChunkContext,
    header: EvtxRecordHeader,
    chunkOffset: number,
    recovered: boolean,
  ): DecodedRecord {
    try {
      runRecordBinXml(chunk, chunk.reader.window(header.binXmlStart, header.binXmlEnd), this.sink);
    } catch (error) {
      this.partsSink?.take();
      this.xmlWriter?.take();
      throw error;
    }
    return {
      recordId: header.recordId,
      offset: chunkOffset + header.offset,
      parts: this.partsSink?.take(),
      xml: this.xmlWriter?.take(),
      recovered,
    };
  }
}
