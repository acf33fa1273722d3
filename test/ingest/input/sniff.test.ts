import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseFormat } from '../../../src/ingest/input/sniff.ts';
import { byteInput } from '../helpers/read-text.ts';

async function choose(
  content: string | Uint8Array,
  path = 'input',
  forced?: 'csv' | 'evtx' | 'jsonl' | 'xml',
) {
  const choice = chooseFormat(await byteInput(content, path), forced);
  if (choice.kind === 'mismatch')
    return `${choice.forced.name}, not ${choice.content?.name ?? '?'}`;
  return choice.kind === 'format' ? `${choice.format.name} by ${choice.by}` : choice.kind;
}

test('content decides the format; the extension is only a hint', async () => {
  const cases: readonly (readonly [string | Uint8Array, string, string])[] = [
    [Buffer.from('ElfFile\0rest'), 'x.json', 'evtx by content'],
    ["<Event xmlns='x'>", 'x.json', 'xml by content'],
    ['\n  <?xml version="1.0"?><Events>', 'x', 'xml by content'],
    ['evtxexport 20181227\n\n<Event>', 'x', 'xml by content'],
    ['{"a":1}\n', 'x.xml', 'jsonl by content'],
    ['[{"a":1}]', 'x', 'jsonl by content'],
    ['Record 1\n{\n', 'x', 'jsonl by content'],
    ['_time,host,_raw\n1,h,r\n', 'x.log', 'csv by content'],
    ['single-column\nvalue\n', 'x.csv', 'csv by extension'],
    ['single-column\nvalue\n', 'x', 'unknown'],
    [Buffer.from([1, 2, 0, 3]), 'x.json', 'unknown'],
    ['  \n\t', 'x', 'empty'],
    ['', 'x.evtx', 'empty'],
    ['a,b\n1,2\n', 'x.json', 'csv by forced'],
    ['single-column\nvalue\n', 'x', 'csv by forced'],
  ];
  for (const [content, path, expected] of cases) {
    const forced = expected.endsWith('forced') ? 'csv' : undefined;
    assert.equal(
      await choose(content, path, forced),
      expected,
      `${path}: ${String(content).slice(0, 20)}`,
    );
  }
});

test('UTF-16 with or without a byte-order mark is text, not binary', async () => {
  assert.equal(
    await choose(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<Events>', 'utf16le')])),
    'xml by content',
  );
  assert.equal(await choose(Buffer.from('{"a":1}', 'utf16le')), 'jsonl by content');
  assert.equal(await choose(Buffer.from('<Events>', 'utf16le').swap16()), 'xml by content');
});

test('--input-format is refused where the content is plainly another format', async () => {
  const evtx = Buffer.from('ElfFile\0rest');
  assert.equal(await choose(evtx, 'x.evtx', 'jsonl'), 'jsonl, not evtx');
  assert.equal(await choose(evtx, 'x.evtx', 'csv'), 'csv, not evtx');
  assert.equal(await choose('{"a":1}\n', 'x', 'evtx'), 'evtx, not jsonl');
  assert.equal(await choose('plain text\n', 'x', 'evtx'), 'evtx, not ?');
  assert.equal(await choose('{"a":1}\n', 'x', 'csv'), 'csv, not jsonl');
  assert.equal(await choose('<Event/>', 'x', 'jsonl'), 'jsonl, not xml');
  assert.equal(await choose('{"a":1}\n', 'x', 'xml'), 'xml, not jsonl');
  // CSV's sniff is loose: text forced to XML or JSON lines is read so.
  assert.equal(await choose('a,b\n1,2\n', 'x', 'jsonl'), 'jsonl by forced');
  assert.equal(await choose(evtx, 'x', 'evtx'), 'evtx by forced');
});
