// Results over the index equal the results over the same events read from files: the bundled
// sample ingested into a store, then each search run both ways.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { BUILTIN_CONTENT_DIR } from '../../../src/detection/index.ts';
import { runPlansOverInputs } from '../../../src/engine/index.ts';
import { BUILTIN_INDEXES } from '../../../src/server/indexes.ts';
import { ingestFiles } from '../../../src/server/ingest/file-ingest.ts';
import { runIndexSearch } from '../../../src/server/search/index-search.ts';
import type { SearchOutput } from '../../../src/server/search/search-context.ts';
import { openSearchWorkspace } from '../../../src/server/search/search-workspace.ts';
import { type DuckDbStore, openDuckDbStore } from '../../../src/server/store/duckdb-store.ts';
import type { TimeRangeInput } from '../../../src/spl/index.ts';

const DATA = path.join(BUILTIN_CONTENT_DIR, 'data');
/** A Sysmon event 7 loading devtunnel.dll: what seed 004 finds. */
const DEVTUNNEL_7 = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'knowledge',
  'fixtures',
  'sysmon-7-devtunnel.log',
);
const workspace = openSearchWorkspace();
let dir: string;
let store: DuckDbStore;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'spelunk-index-search-'));
  store = await openDuckDbStore(dir);
  const report = await ingestFiles(
    [DATA, DEVTUNNEL_7],
    {
      checkpoint: (key) => store.checkpoint(key),
      write: (events, checkpoint) => store.write({ events, checkpoints: [checkpoint] }),
    },
    { input: {} },
  );
  assert.ok(report.events > 0);
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function overFiles(spl: string, timeRange?: TimeRangeInput): Promise<Event[]> {
  const compiled = workspace.compileSearch(spl, timeRange ? { timeRange } : {});
  assert.ok(compiled.ok, compiled.ok ? '' : compiled.diagnostics.map((d) => d.message).join('\n'));
  const rows: Event[] = [];
  await runPlansOverInputs(
    [{ plan: compiled.value, context: { emit: (r) => rows.push(...r) } }],
    [DATA, DEVTUNNEL_7],
    { knowledge: workspace.knowledge },
  );
  return rows;
}

async function overIndex(
  spl: string,
  timeRange?: TimeRangeInput,
): Promise<{ rows: Event[]; messages: string[]; scanned: number }> {
  const rows: Event[] = [];
  const messages: string[] = [];
  let scanned = 0;
  const output: SearchOutput = {
    emit: (r) => rows.push(...r),
    message: (type, text) => messages.push(`${type} ${text}`),
    scanned: (n) => {
      scanned += n;
    },
  };
  await runIndexSearch(
    { spl, ...(timeRange ? { timeRange } : {}) },
    { store, workspace, indexes: () => [...BUILTIN_INDEXES], defaultIndexes: ['*'] },
    output,
  );
  return { rows, messages, scanned };
}

const sortRows = (rows: Event[]) =>
  rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();

const SEARCHES = [
  'index=wineventlog EventCode=1 | stats count by host, Image',
  'index=* | stats count by sourcetype, EventCode',
  '`sysmon` EventCode=1 (CommandLine="*tunnel*" OR Image="*\\\\code.exe") | table _time host Image CommandLine | sort _time',
  'index=wineventlog NOT EventCode=1 | stats dc(EventCode) as codes, count',
  'index=wineventlog tunnel | stats count by host',
  '| stats count',
];

for (const spl of SEARCHES) {
  test(`over the index = over the files: ${spl}`, async () => {
    const files = await overFiles(spl);
    const index = await overIndex(spl);
    assert.deepEqual(sortRows(index.rows), sortRows(files));
  });
}

test('stats over stored columns runs in the store: no event reaches the engine', async () => {
  const result = await overIndex('index=wineventlog EventCode=1 | stats count by host, EventCode');
  assert.equal(result.scanned, 0);
  assert.ok(result.rows.length > 0);
});

test('an unknown index finds nothing and says so', async () => {
  const result = await overIndex('index=nosuch | stats count');
  assert.deepEqual(result.rows, [{ count: 0 }]);
  assert.match(result.messages.join('\n'), /index "nosuch" does not exist/);
});

test('tstats, metadata and eventcount over the index', async () => {
  const tstats = await overIndex('| tstats count where index=* by sourcetype');
  const byStats = await overIndex('index=* | stats count by sourcetype');
  assert.deepEqual(tstats.rows, byStats.rows);
  const hosts = await overIndex('| metadata type=hosts index=wineventlog');
  assert.ok(hosts.rows.length > 0);
  assert.ok(
    hosts.rows.every((r) => typeof r['host'] === 'string' && (r['totalCount'] as number) > 0),
  );
  const total = await overIndex('| eventcount');
  const counted = await overIndex('index=* | stats count');
  assert.deepEqual(total.rows, counted.rows);
  const perIndex = await overIndex(
    '| eventcount summarize=false index=wineventlog | table index count',
  );
  assert.equal(perIndex.rows.length, 1);
});

test('tstats by _time span= buckets in the store as bin and stats do over the files', async () => {
  for (const [span, bin] of [
    ['span=1h', 'bin _time span=1h'],
    ['span=15m', 'bin _time span=15m'],
    ['span=1d', 'bin _time span=1d'],
    ['', 'eval _time=floor(_time)'],
  ]) {
    const index = await overIndex(
      `| tstats count dc(host) where index=* by _time ${span} sourcetype`,
    );
    const files = await overFiles(`index=* | ${bin} | stats count dc(host) by _time sourcetype`);
    assert.ok(index.rows.length > 1, span);
    assert.equal(index.scanned, 0);
    assert.deepEqual(index.rows, files, span);
  }
  for (const [spl, message] of [
    ['| tstats count where index=* by _time span=1mon', /fixed spans.*not span=1mon/],
    [
      '| tstats count where index=* by host span=1h',
      /span=1h buckets _time, which BY does not name/,
    ],
  ] as const) {
    await assert.rejects(overIndex(spl), message);
  }
});

test('time bounds from the search and from the job agree with a read of the files', async () => {
  const summary = (await store.summary()).find((s) => s.name === 'wineventlog');
  assert.ok(summary?.minTime !== undefined && summary.maxTime !== undefined);
  const middle = Math.floor((summary.minTime + summary.maxTime) / 2);
  const inText = `index=wineventlog earliest=${summary.minTime + 1} latest=${middle} | stats count by host`;
  const files = await overFiles(inText);
  const index = await overIndex(inText);
  assert.deepEqual(sortRows(index.rows), sortRows(files));
  assert.equal(index.scanned, 0);
  const range = { earliest: String(middle), latest: String(summary.maxTime) };
  const events = 'index=wineventlog | table _time host EventCode';
  const fromFiles = await overFiles(events, range);
  assert.ok(fromFiles.length > 0);
  assert.deepEqual(sortRows((await overIndex(events, range)).rows), sortRows(fromFiles));
});

test('every detection of the built-in pack (both seeds among them) finds the same rows over the index', async () => {
  const enabled = workspace.detections.map((d) => d.detection);
  assert.ok(enabled.length >= 6);
  let found = 0;
  for (const detection of enabled) {
    const files = await overFiles(detection.search);
    const index = await overIndex(detection.search);
    assert.deepEqual(sortRows(index.rows), sortRows(files), detection.name);
    if (files.length > 0) found++;
  }
  assert.ok(found >= 4, `only ${found} detections found something in the sample`);
});
