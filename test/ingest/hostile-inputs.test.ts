// Hostile inputs (issue 19): each class keeps what is intact, says what is not, and finishes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Event } from '../../src/core/event.ts';
import { type InputOptions, openInputs } from '../../src/ingest/open-inputs.ts';
import type { IngestProblem } from '../../src/ingest/read-options.ts';
import { chunksOf } from './helpers/read-text.ts';
import { eventXml, PROCESS_CREATE } from './helpers/windows-xml.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-hostile-'));
after(() => rmSync(root, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const full = path.join(root, name);
  writeFileSync(full, content);
  return full;
}

async function readAll(paths: string[], options: InputOptions = {}) {
  const problems: IngestProblem[] = [];
  const inputs = await openInputs(paths, { onProblem: (p) => problems.push(p), ...options });
  const events: Event[] = [];
  for await (const batch of inputs.source) for (const e of batch) events.push(e);
  return { events, problems, summary: inputs.summary() };
}

const json = (i: number) =>
  JSON.stringify({ EventID: i, Channel: 'Security', '@timestamp': '2024-03-01T10:00:00Z' });

test('blank lines of any length before the content: every event read, lines numbered as in the file', async () => {
  const blank = file('blank.json', `${'\n'.repeat(100_000)}  \t\n${json(1)}\n{bad\n`);
  const { events, problems } = await readAll([blank]);
  assert.equal(events.length, 1);
  assert.deepEqual(
    problems.map((p) => [p.code, p.location]),
    [['ING201', 'line 100003']],
  );
  const spaces = await readAll(['-'], {
    stdin: chunksOf(`${' \r\n'.repeat(50_000)}${json(2)}`, 999),
  });
  assert.equal(spaces.events.length, 1);
  const utf16 = await readAll(['-'], {
    stdin: chunksOf(
      Buffer.from(`\ufeff${'\n'.repeat(40_000)}${eventXml(PROCESS_CREATE)}`, 'utf16le'),
      777,
    ),
  });
  assert.equal(utf16.events.length, 1);
  const onlyBlank = await readAll(['-'], { stdin: chunksOf('\n'.repeat(200_000), 4096) });
  assert.equal(onlyBlank.events.length, 0);
  assert.deepEqual(onlyBlank.problems, []);
});

test('gzip with garbage after it, or cut short: every intact event, then ING501', async () => {
  const lines = Array.from({ length: 3000 }, (_, i) => json(i)).join('\n');
  const gz = gzipSync(`${lines}\n`);
  const trailing = await readAll([file('t.json.gz', Buffer.concat([gz, Buffer.from('junk!')]))]);
  assert.equal(trailing.events.length, 3000);
  assert.deepEqual(
    trailing.problems.map((p) => p.code),
    ['ING501'],
  );
  const cut = await readAll([file('c.json.gz', gz.subarray(0, gz.length - 8))]);
  assert.equal(cut.events.length, 3000, 'the trailer is missing, the data is whole');
  assert.match(cut.problems[0]?.message ?? '', /truncated/);
});

test('XML: a record missing its end loses only itself; reading resumes at the next <Event', async () => {
  const records = [1, 2, 3, 4].map(() => eventXml(PROCESS_CREATE));
  records[1] = (records[1] as string).replace('</Event>', '');
  records[2] = (records[2] as string).slice(0, 300);
  const { events, problems } = await readAll([file('cut.xml', records.join('\n'))]);
  assert.equal(events.length, 2);
  assert.deepEqual(
    problems.map((p) => [p.code, p.location.split(',')[0]]),
    [
      ['ING102', 'line 2'],
      ['ING102', 'line 3'],
    ],
  );
});

test('XML: an element with 200,000 attributes is refused in linear time, the next record is read', async () => {
  const attributes = Array.from({ length: 200_000 }, (_, i) => ` a${i}="1"`).join('');
  const started = performance.now();
  const { events, problems } = await readAll([
    file('attrs.xml', `<Event${attributes}><System/></Event>\n${eventXml(PROCESS_CREATE)}\n`),
  ]);
  assert.ok(performance.now() - started < 5_000);
  assert.equal(events.length, 1);
  assert.match(problems[0]?.message ?? '', /more than 256 attributes/);
});

test('JSON: duplicate keys and numbers a double cannot hold are warnings; the text is kept', async () => {
  const { events, problems } = await readAll([
    file(
      'dup.json',
      [
        '{"a":1,"a":2,"@timestamp":"2024-03-01T10:00:00Z"}',
        '{"n":1e400,"m":18446744073709551617,"@timestamp":"2024-03-01T10:00:00Z"}',
        // A key spaced from its colon, and a duplicate: a spaced key cannot hide the duplicate.
        '{"s" : 1, "d":1, "d":2, "@timestamp":"2024-03-01T10:00:00Z"}',
        // Escaped quotes before colons inside values are no keys: nothing to report.
        '{"CommandLine":"\\"C:\\\\x\\":y \\\\\\": z","@timestamp":"2024-03-01T10:00:00Z"}',
        '',
      ].join('\n'),
    ),
  ]);
  assert.equal(events[2]?.['d'], '2');
  assert.equal(events[3]?.['CommandLine'], '"C:\\x":y \\": z');
  assert.equal(events[0]?.['a'], '2');
  assert.equal(events[1]?.['n'], '1e400');
  assert.equal(events[1]?.['m'], '18446744073709551617');
  assert.deepEqual(
    problems.map((p) => [p.code, p.kind, p.location]),
    [
      ['ING208', 'damaged', 'line 1'],
      ['ING209', 'damaged', 'line 2'],
      ['ING208', 'damaged', 'line 3'],
    ],
  );
});

test('devices and /proc are refused unless given as -; the other inputs are read', async () => {
  // A FIFO with no writer: test/integration/ingest/devices.test.ts (it needs mkfifo).
  const good = file('good.json', `${json(1)}\n`);
  const started = performance.now();
  const { events, summary } = await readAll([
    '/dev/urandom',
    '/dev/zero',
    '/proc/self/status',
    good,
  ]);
  assert.ok(performance.now() - started < 5_000);
  assert.equal(events.length, 1);
  assert.deepEqual(
    summary.files.map((f) => [path.basename(f.path), f.refused === undefined]),
    [
      ['urandom', false],
      ['zero', false],
      ['status', false],
      ['good.json', true],
    ],
  );
  assert.deepEqual(
    summary.problems.map((p) => p.code),
    ['ING008', 'ING008', 'ING008'],
  );
});

test('binary content in a text input stops that input early and keeps the events before it', async () => {
  const bytes = Buffer.concat([
    Buffer.from(`${json(1)}\n${json(2)}\n`),
    Buffer.alloc(1 << 20, 0),
    Buffer.from(`${json(3)}\n`),
  ]);
  const { events, problems } = await readAll([file('bin.json', bytes)]);
  assert.equal(events.length, 2);
  assert.deepEqual(
    problems.map((p) => p.code),
    ['ING009'],
  );
});

test('an EVTX file cut short, or JSON forced to EVTX, is refused alone: the other inputs print', async () => {
  const cut = file('cut.evtx', Buffer.concat([Buffer.from('ElfFile\0'), Buffer.alloc(60)]));
  const good = file('ok.json', `${json(1)}\n`);
  const { events, summary } = await readAll([cut, good]);
  assert.equal(events.length, 1);
  assert.match(summary.files[0]?.refused ?? '', /cut short/);
  const forced = await readAll([good], { inputFormat: 'evtx' });
  assert.equal(forced.events.length, 0);
  assert.match(forced.summary.files[0]?.refused ?? '', /--input-format evtx, but this is JSON/);
});
