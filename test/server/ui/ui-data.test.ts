// The Data page's coverage: a detection can fire when one alternative of its route is met by one
// stored combination of index, sourcetype, source and EventCode; otherwise what the closest
// combination lacks is named.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Workspace } from '../../../src/engine/index.ts';
import { type DuckDbStore, openDuckDbStore } from '../../../src/server/store/duckdb-store.ts';
import { IngestRate } from '../../../src/server/ui/ingest-rate.ts';
import { dataOverview } from '../../../src/server/ui/ui-data.ts';
import type { RouteConstraint, RouteFilter } from '../../../src/spl/index.ts';

let dir: string;
let store: DuckDbStore;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'spelunk-ui-data-'));
  store = await openDuckDbStore(dir);
  const event = (code: string, channel: string) => ({
    _time: 1_700_000_000,
    index: 'wineventlog',
    host: 'h1',
    source: `XmlWinEventLog:${channel}`,
    sourcetype: 'XmlWinEventLog',
    _raw: '<Event/>',
    EventCode: code,
  });
  await store.write({
    events: [event('1', 'Microsoft-Windows-Sysmon/Operational'), event('4624', 'Security')],
  });
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const c = (field: RouteConstraint['field'], ...values: string[]): RouteConstraint => ({
  field,
  values,
  wildcard: values.some((v) => v.includes('*')),
});

function workspaceOf(routes: Record<string, RouteFilter>): Workspace {
  return {
    detections: Object.entries(routes).map(([name, route]) => ({
      detection: { id: name, name },
      plan: { route },
    })),
  } as unknown as Workspace;
}

test('coverage: met by one stored combination, or what the closest lacks', async () => {
  const sysmon = 'xmlwineventlog:microsoft-windows-sysmon/operational';
  const answer = await dataOverview(
    store,
    workspaceOf({
      fires: { kind: 'alternatives', alternatives: [[c('source', sysmon), c('EventCode', '1')]] },
      wildcard: {
        kind: 'alternatives',
        alternatives: [[c('source', '*sysmon*'), c('EventID', '1')]],
      },
      // Sysmon 1 and Security 4624 are there, but not Security 1: no single combination has both.
      crossed: {
        kind: 'alternatives',
        alternatives: [[c('Channel', 'security'), c('EventCode', '1')]],
      },
      missing: {
        kind: 'alternatives',
        alternatives: [[c('source', sysmon), c('EventCode', '22')], [c('index', 'main')]],
      },
      any: { kind: 'any' },
      none: { kind: 'none' },
    }),
    new IngestRate(store),
  );
  const by = new Map(answer.coverage.map((x) => [x.name, x]));
  assert.deepEqual(by.get('fires'), { id: 'fires', name: 'fires', canFire: true, missing: [] });
  assert.equal(by.get('wildcard')?.canFire, true);
  assert.equal(by.get('crossed')?.canFire, false);
  assert.match(by.get('crossed')?.missing.join() ?? '', /^no (Channel security|EventCode 1)$/);
  assert.deepEqual(by.get('missing')?.missing, ['no EventCode 22', 'no index main']);
  assert.equal(by.get('any')?.canFire, true);
  assert.deepEqual(by.get('none'), {
    id: 'none',
    name: 'none',
    canFire: false,
    missing: ['it reads no events'],
  });
  assert.deepEqual(
    answer.groups['EventCode']?.map((g) => [g.value, g.count]),
    [
      ['1', 1],
      ['4624', 1],
    ],
  );
});
