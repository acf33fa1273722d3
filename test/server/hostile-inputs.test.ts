// Hostile input to the server (issue 19): HEC bodies and REST search strings get the bounds the
// file readers and the CLI have. A body nested past the JSON depth is a located 400, not a stack
// overflow; what JSON.parse would hide (a key given twice, a number a double cannot hold) is kept
// as written and logged; a search string of thousands of errors is refused with a bounded message,
// quickly; a search's commands stop at the server's memory budget (limits.maxJobMemory) with
// SPL530, not an out-of-memory abort.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runSearchOverIndex } from '../../src/cli/commands/search-index.ts';
import { EXIT_FAILURE } from '../../src/cli/exit-codes.ts';
import { DiagnosticError } from '../../src/core/index.ts';
import { BUILTIN_INDEXES } from '../../src/server/indexes.ts';
import { rawBodyEvents, splitEventBody } from '../../src/server/ingest/hec/hec-body.ts';
import { HecError } from '../../src/server/ingest/hec/hec-codes.ts';
import { hecEnvelopeToEvent } from '../../src/server/ingest/hec/hec-event.ts';
import type { HecEventContext } from '../../src/server/ingest/hec/hec-metadata.ts';
import { runIndexSearch } from '../../src/server/search/index-search.ts';
import { SearchCompileError, type SearchOutput } from '../../src/server/search/search-context.ts';
import { openSearchWorkspace } from '../../src/server/search/search-workspace.ts';
import { type DuckDbStore, openDuckDbStore } from '../../src/server/store/duckdb-store.ts';

const DEEP = 50_000;

function context(warnings: string[] = [], sourcetype?: string): HecEventContext {
  return {
    request: sourcetype === undefined ? {} : { sourcetype },
    token: {},
    defaultSource: 'http:t',
    defaultHost: 'h',
    now: 1_800_000_000,
    checkIndex: () => {},
    warn: (message) => warnings.push(message),
  };
}

function eventBody(text: string, warnings: string[] = []) {
  return splitEventBody(Buffer.from(text), (m) => warnings.push(m)).map((e, i) =>
    hecEnvelopeToEvent(e, i, context(warnings)),
  );
}

function hecError(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof HecError, String(error));
    return error.body as unknown as Record<string, unknown>;
  }
  assert.fail('no HecError');
}

test('HEC: an event nested deeper than the JSON readers read is a 400 naming the event', () => {
  for (const body of [
    `{"event":"ok"}{"event":${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}`,
    `{"event":"ok"}{"event":${'['.repeat(DEEP)}1${']'.repeat(DEEP)}}`,
    `{"event":"ok"}{"event":"x","fields":{"f":${'['.repeat(DEEP)}"v"${']'.repeat(DEEP)}}}`,
  ]) {
    const started = performance.now();
    const refused = hecError(() => eventBody(body));
    assert.equal(refused['code'], 6);
    assert.equal(refused['invalid-event-number'], 1);
    assert.match(String(refused['detail']), /nested deeper than 100 levels/);
    assert.ok(performance.now() - started < 2_000);
  }
  const raw = hecError(() =>
    rawBodyEvents(`${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}\n`, context()),
  );
  assert.match(String(raw['detail']), /nested deeper/);
});

test('HEC: duplicate keys and numbers a double cannot hold are kept as written, with a warning', () => {
  const warnings: string[] = [];
  const [event] = eventBody(
    '{"event":{"n":1e400,"big":18446744073709551617,"k":1,"k":2,"msg":"x"}}',
    warnings,
  );
  assert.equal(event?.['n'], '1e400');
  assert.equal(event?.['big'], '18446744073709551617');
  assert.equal(event?.['k'], '2');
  assert.match(String(event?.['_raw']), /1e400/);
  assert.deepEqual(
    warnings.map((w) => w.slice(0, 14)),
    ['ING208 event 0', 'ING209 event 0'],
  );
  const rawWarnings: string[] = [];
  const [fromRaw] = rawBodyEvents('{"a":1,"a":2,"n":1e400}\n', context(rawWarnings, '_json'));
  assert.equal(fromRaw?.['n'], '1e400');
  assert.equal(fromRaw?.['_raw'], '{"a":1,"a":2,"n":1e400}');
  assert.deepEqual(
    rawWarnings.map((w) => w.slice(0, 6)),
    ['ING208', 'ING209'],
  );
});

test('HEC /raw: attributes, unterminated records and blank runs are bounded like the readers', () => {
  const attrs = Array.from({ length: 200_000 }, (_, i) => `a${i}="1"`).join(' ');
  const started = performance.now();
  const many = hecError(() =>
    rawBodyEvents(`<Event><System ${attrs}/></Event>`, context([], 'XmlWinEventLog')),
  );
  assert.match(String(many['detail']), /more than 256 attributes/);
  assert.ok(performance.now() - started < 2_000);
  const lines = rawBodyEvents(`${'\n'.repeat(100_000)}one\ntwo\n`, context());
  assert.deepEqual(
    lines.map((e) => e['_raw']),
    ['one', 'two'],
  );
});

let dir: string;
let store: DuckDbStore;
const workspace = openSearchWorkspace();

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'spelunk-hostile-server-'));
  store = await openDuckDbStore(dir);
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function search(spl: string, maxMemoryBytes?: number): Promise<unknown> {
  const output: SearchOutput = { emit: () => {}, message: () => {}, scanned: () => {} };
  try {
    await runIndexSearch(
      { spl },
      {
        store,
        workspace,
        indexes: () => [...BUILTIN_INDEXES],
        defaultIndexes: ['*'],
        ...(maxMemoryBytes === undefined ? {} : { maxMemoryBytes }),
      },
      output,
    );
  } catch (error) {
    return error;
  }
  return undefined;
}

test('REST search strings: thousands of errors are refused quickly with a bounded message', async () => {
  for (const spl of [
    `index=x ${'[search a '.repeat(4000)}`,
    `| makeresults ${'|'.repeat(20_000)}`,
    `| makeresults | eval x=${Array(5000).fill('1').join('+')}`,
    `| makeresults ${'| eval a=1 '.repeat(11_000)}`,
  ]) {
    const started = performance.now();
    const error = await search(spl);
    assert.ok(error instanceof SearchCompileError, String(error));
    assert.ok(error.message.length < 10_000, `${error.message.length} characters`);
    assert.ok(performance.now() - started < 5_000);
  }
});

test("REST searches stop at the server's memory budget with SPL530 naming the command", async () => {
  const spl =
    '| makeresults count=200000 | streamstats count as n | eval k="key".n | stats count by k';
  const error = await search(spl, 4 * 1024 * 1024);
  assert.ok(error instanceof DiagnosticError, String(error));
  assert.equal(error.diagnostics[0]?.code, 'SPL530');
  assert.match(error.diagnostics[0]?.message ?? '', /stats/);
  assert.equal(await search(spl, 256 * 1024 * 1024), undefined);
});

test('search --data stops at --max-memory with SPL530 and exit 1, not a stack trace', async () => {
  const data = mkdtempSync(path.join(tmpdir(), 'spelunk-hostile-data-'));
  const err: string[] = [];
  try {
    const code = await runSearchOverIndex(
      '| makeresults count=200000 | streamstats count as n | eval k="key".n | stats count by k',
      { format: 'csv', data, user: 'admin', maxMemory: 4 },
      { out: () => {}, err: (text) => err.push(text) },
    );
    assert.equal(code, EXIT_FAILURE);
    assert.match(err.join(''), /SPL530/);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
