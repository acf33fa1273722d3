// Monitor inputs: lines appended to a text file are indexed once each, across a restart; a
// rotated file is read from its start; an EVTX-named file is read once it stops changing.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { IngestService } from '../../../src/server/ingest/ingest-service.ts';
import { MonitorInputs } from '../../../src/server/ingest/monitor-inputs.ts';
import { openDuckDbStore } from '../../../src/server/store/duckdb-store.ts';
import { eventXml, PROCESS_CREATE } from '../../ingest/helpers/windows-xml.ts';

const root = mkdtempSync(path.join(tmpdir(), 'spelunk-monitor-'));
after(() => rmSync(root, { recursive: true, force: true }));

function xmlLine(id: number): string {
  return eventXml({ ...PROCESS_CREATE, recordId: id });
}

async function count(dataDir: string): Promise<Event[]> {
  const store = await openDuckDbStore(dataDir);
  const events: Event[] = [];
  for await (const batch of store.query({
    indexes: ['wineventlog'],
    filter: { kind: 'true' },
    fields: 'all',
    raw: false,
  })) {
    events.push(...batch);
  }
  await store.close();
  return events;
}

async function look(dataDir: string, folder: string, times = 1): Promise<void> {
  const store = await openDuckDbStore(dataDir);
  const ingest = await IngestService.start(store);
  const problems: string[] = [];
  const monitor = new MonitorInputs([{ monitor: folder, interval: 60 }], ingest, (l) =>
    problems.push(l),
  );
  const input = { monitor: folder, interval: 60 };
  for (let i = 0; i < times; i++) await monitor.look(input);
  monitor.stop();
  await ingest.drain();
  await store.close();
  assert.deepEqual(problems, []);
}

test('appended lines are indexed once, across restarts; a truncated file starts over', async () => {
  const folder = path.join(root, 'logs');
  const data = path.join(root, 'data');
  mkdirSync(folder);
  const file = path.join(folder, 'sysmon.log');
  writeFileSync(file, `${xmlLine(1)}\n${xmlLine(2)}\n${xmlLine(3).slice(0, 40)}`);
  await look(data, folder);
  assert.equal((await count(data)).length, 2);
  appendFileSync(file, `${xmlLine(3).slice(40)}\n${xmlLine(4)}\n`);
  await look(data, folder);
  await look(data, folder);
  const ids = (await count(data)).map((e) => e['EventRecordID']).sort();
  assert.deepEqual(ids, ['1', '2', '3', '4']);
  writeFileSync(file, `${xmlLine(5)}\n`);
  await look(data, folder);
  assert.equal((await count(data)).length, 5);
});
