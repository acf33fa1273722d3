// String values copied into the XML as bytes give exactly the XML of the decoded strings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createChunkContext } from '../../../../src/ingest/evtx/binxml/chunk-context.ts';
import { BinXmlRunner } from '../../../../src/ingest/evtx/binxml/document.ts';
import type { BinXmlSink } from '../../../../src/ingest/evtx/binxml/sink.ts';
import { ByteReader } from '../../../../src/ingest/evtx/byte-reader.ts';
import { parseRecordHeader } from '../../../../src/ingest/evtx/record-header.ts';
import { type XmlStyle, XmlWriter } from '../../../../src/ingest/evtx/render/xml-writer.ts';
import { ChunkWriter, type TemplateSpec } from '../writer/chunk-writer.ts';
import { concat, T, utf16, type Value, v } from '../writer/values.ts';

/** An XmlWriter seen through the plain sink calls only: every value arrives as a string. */
class StringsOnly implements BinXmlSink {
  private readonly writer: XmlWriter;
  constructor(writer: XmlWriter) {
    this.writer = writer;
  }
  open(name: string): void {
    this.writer.open(name);
  }
  attribute(name: string, value: string): void {
    this.writer.attribute(name, value);
  }
  text(value: string): void {
    this.writer.text(value);
  }
  charRef(code: number): void {
    this.writer.charRef(code);
  }
  entityRef(name: string): void {
    this.writer.entityRef(name);
  }
  cdata(value: string): void {
    this.writer.cdata(value);
  }
  pi(target: string, data: string): void {
    this.writer.pi(target, data);
  }
  close(): void {
    this.writer.close();
  }
}

const TEMPLATE: TemplateSpec = {
  guid: '{00000000-0000-0000-0000-00000000f001}',
  root: {
    el: 'Event',
    children: [
      { el: 'A', children: [{ sub: 0, type: T.string }] },
      { el: 'B', children: [{ text: 'before ' }, { sub: 0, type: T.string }, { text: ' after' }] },
      { el: 'C', attrs: [['Name', [{ sub: 0, type: T.string }]]] },
    ],
  },
};

const raw = (bytes: Uint8Array): Value => ({ type: T.string, bytes });

const VALUES: readonly (readonly [string, Value])[] = [
  ['plain', v.string('C:\\Windows\\System32\\cmd.exe')],
  ['markup escaped', v.string('a & b < c > d "q" \'s\'')],
  ['empty', v.string('')],
  ['only a NUL', raw(utf16('', true))],
  ['NUL-terminated', raw(utf16('text', true))],
  ['a NUL inside', raw(utf16('left\0right'))],
  ['an odd byte at the end', raw(concat(utf16('odd'), [0x41]))],
  ['one odd byte', raw(Uint8Array.of(0x41))],
  ['non-BMP and a lone surrogate', raw(utf16('😀 \ud800 x'))],
  ['non-ASCII', v.string('Überprüfung ✓')],
];

for (const style of ['windows', 'evtxexport'] as const satisfies readonly XmlStyle[]) {
  for (const [name, value] of VALUES) {
    test(`string value copied as bytes = decoded first (${style}): ${name}`, () => {
      const writer = new ChunkWriter();
      const offset = writer.addRecord(1, { template: TEMPLATE, values: [value] });
      const bytes = Buffer.from(writer.finish());
      const chunk = createChunkContext(bytes);
      const header = parseRecordHeader(new ByteReader(bytes), offset);
      const window = () => chunk.reader.window(header.binXmlStart, header.binXmlEnd);
      const direct = new XmlWriter(style);
      new BinXmlRunner(direct).run(chunk, window(), direct);
      const strings = new XmlWriter(style);
      const plain = new StringsOnly(strings);
      new BinXmlRunner(plain).run(chunk, window(), plain);
      assert.equal(direct.take(), strings.take());
    });
  }
}
