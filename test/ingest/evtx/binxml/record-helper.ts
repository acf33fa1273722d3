// Decodes single records written by the test writer, in both XML styles and as event parts.
import type { DecodedRecord, EvtxProblem } from '../../../../src/ingest/evtx/decoded.ts';
import type { XmlStyle } from '../../../../src/ingest/evtx/render/xml-writer.ts';
import { decodeChunks } from '../helpers.ts';
import { ChunkWriter, evtxFile, type RecordBody } from '../writer/chunk-writer.ts';

export interface OneRecord {
  readonly record: DecodedRecord | undefined;
  readonly problems: readonly EvtxProblem[];
}

export function decodeOne(
  body: RecordBody | ((chunk: ChunkWriter) => RecordBody),
  style: XmlStyle = 'evtxexport',
): OneRecord {
  const chunk = new ChunkWriter();
  chunk.addRecord(7, typeof body === 'function' ? body(chunk) : body);
  const { records, problems } = decodeChunks(evtxFile([chunk.finish()]), { xml: style });
  return { record: records[0], problems };
}

/** The record's XML; fails the test (via throw) when the record did not decode. */
export function xmlOf(
  body: RecordBody | ((chunk: ChunkWriter) => RecordBody),
  style: XmlStyle = 'evtxexport',
): string {
  const { record, problems } = decodeOne(body, style);
  if (record?.xml === undefined)
    throw new Error(`record not decoded: ${problems.map((p) => p.message).join('; ')}`);
  return record.xml;
}
