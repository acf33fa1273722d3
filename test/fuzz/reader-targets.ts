// Fuzz targets: the XML, JSON-lines and CSV readers over mutated, chunked, sometimes gzipped or
// re-encoded input. Every event read is well-formed and every problem is an ING code.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { Event } from '../../src/core/index.ts';
import type { SeededRandom } from '../../src/core/seeded-random.ts';
import { openInputs } from '../../src/ingest/index.ts';
import type { IngestProblem } from '../../src/ingest/read-options.ts';
import { chunksOf } from '../ingest/helpers/read-text.ts';
import { eventXml, IMAGE_LOAD, PROCESS_CREATE } from '../ingest/helpers/windows-xml.ts';
import { type FuzzTarget, int, mutateText, pick } from './fuzz-kit.ts';

const NASTY = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  '\n',
  '\r',
  '\0',
  ',',
  '\\',
  '<!DOCTYPE a>',
  '<![CDATA[',
  '&#',
  '\u00ff',
  '\ud800',
  '<Event>',
  '</Event>',
  ' a="1"',
  '1e400',
  '"k":',
  '99999999999999999999',
  '\n\n\n',
  '\ufeff',
];

const SAMPLES: Readonly<Record<'xml' | 'jsonl' | 'csv', readonly string[]>> = {
  xml: [
    Array.from({ length: 6 }, (_, i) => eventXml(i % 2 ? PROCESS_CREATE : IMAGE_LOAD)).join('\n'),
    `<?xml version="1.0"?>\n<Events>\n${eventXml(PROCESS_CREATE, 'pretty')}\n${eventXml(IMAGE_LOAD, 'pretty')}\n</Events>\n`,
  ],
  jsonl: [
    Array.from({ length: 6 }, (_, i) =>
      JSON.stringify({
        EventID: i,
        Channel: 'Security',
        '@timestamp': '2024-03-01T10:00:00Z',
        CommandLine: 'a "b" \\c',
        n: { m: [1, 2] },
      }),
    ).join('\n'),
    `[\n${JSON.stringify({ Event: { System: { EventID: 1, Channel: 'C', TimeCreated: { '#attributes': { SystemTime: '2024-03-01T10:00:00Z' } } }, EventData: { A: 'x' } } }, null, 2)}\n]`,
  ],
  csv: [
    '_time,EventID,Channel,CommandLine\n1709287200,1,Security,"a ""b"", c"\n1709287201,2,Security,plain\n1709287202,3,Security,"x\ny"\n',
  ],
};

function bytesOf(text: string, next: SeededRandom): Uint8Array {
  const roll = next();
  let bytes: Uint8Array =
    roll < 0.1
      ? Buffer.from(text, 'latin1')
      : roll < 0.2
        ? Buffer.from(`\ufeff${text}`, 'utf16le')
        : Buffer.from(text, 'utf8');
  if (next() < 0.15) bytes = Buffer.concat([Buffer.from('\n'.repeat(int(next, 100_000))), bytes]);
  if (next() < 0.2) {
    const gz = gzipSync(bytes);
    const cut = next() < 0.5 ? gz.length : int(next, gz.length + 1);
    bytes = Buffer.concat([
      gz.subarray(0, cut),
      next() < 0.3 ? Buffer.from('trailing junk') : Buffer.alloc(0),
    ]);
  }
  return bytes;
}

function readerTarget(format: 'xml' | 'jsonl' | 'csv'): FuzzTarget {
  return {
    name: format,
    generate: (next) => bytesOf(mutateText(pick(next, SAMPLES[format]), next, NASTY), next),
    async check(input) {
      const bytes = typeof input === 'string' ? Buffer.from(input) : input;
      const problems: IngestProblem[] = [];
      const chunk = 1 + (bytes.length % 9000);
      const inputs = await openInputs(['-'], {
        stdin: chunksOf(bytes, chunk),
        onProblem: (p) => problems.push(p),
      });
      const events: Event[] = [];
      for await (const batch of inputs.source) for (const e of batch) events.push(e);
      for (const event of events) {
        assert.equal(typeof event['_time'], 'number');
        assert.ok(Number.isFinite(event['_time'] as number));
        for (const field of ['index', 'host', 'source', 'sourcetype']) {
          assert.equal(typeof event[field], 'string', field);
        }
      }
      for (const problem of problems) {
        assert.match(problem.code ?? '', /^ING\d{3}$/, problem.message);
        assert.equal(problem.path, '-');
      }
      assert.equal(inputs.summary().events, events.length);
    },
  };
}

export const xmlTarget = readerTarget('xml');
export const jsonlTarget = readerTarget('jsonl');
export const csvTarget = readerTarget('csv');
