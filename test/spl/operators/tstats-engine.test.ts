// tstats plans driven as hunt drives plans: raw events pushed once through routes and field knowledge into many runs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import {
  createEventPump,
  PlanConsumer,
  runPlans,
  runPlansOverInputs,
} from '../../../src/engine/index.ts';
import { loadFieldKnowledge } from '../../../src/knowledge/load-field-knowledge.ts';
import { compileSpl } from '../../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../../src/spl/plan/plan.ts';
import { SEED_IDE_TUNNELING_SEARCH } from '../../fixtures/seed-sample.ts';
import { compileTstats } from './tstats-helpers.ts';

const KNOWLEDGE = loadFieldKnowledge({}).base;
const REPO = path.resolve(import.meta.dirname, '..', '..', '..');

/** Events as the XML reader gives them: Data items only, no add-on fields. */
function rawSysmon(code: number, data: Event): Event {
  return {
    _time: 1_741_946_537,
    index: 'wineventlog',
    host: 'ws-17',
    source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    sourcetype: 'XmlWinEventLog',
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    Computer: 'ws-17',
    EventCode: String(code),
    EventID: String(code),
    ...data,
  };
}

async function runAll(plans: readonly Plan[], events: readonly Event[]): Promise<Event[][]> {
  const results = plans.map((): Event[] => []);
  const specs = plans.map((plan, i) => ({
    plan,
    context: { emit: (rows: readonly Event[]) => results[i]?.push(...rows) },
  }));
  const source = (async function* () {
    yield events.map((e) => ({ ...e }));
  })();
  await runPlans(specs, source, KNOWLEDGE);
  return results;
}

describe('tstats in the one-pass engine', () => {
  test('each run gets the events its dataset admits; the knowledge computes the CIM fields', async () => {
    const processes = compileTstats(
      '| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.dest',
    );
    const traffic = compileTstats(
      '| tstats count from datamodel=Network_Traffic by All_Traffic.dest All_Traffic.transport',
    );
    const [p, t] = await runAll(
      [processes, traffic],
      [
        rawSysmon(1, { Image: 'C:\\t\\devtunnel.exe', CommandLine: 'devtunnel.exe host' }),
        rawSysmon(3, {
          Image: 'C:\\t\\devtunnel.exe',
          Protocol: 'tcp',
          DestinationIp: '20.1.2.3',
          DestinationHostname: '',
          DestinationPort: '443',
        }),
        rawSysmon(5, { Image: 'C:\\t\\devtunnel.exe' }),
      ],
    );
    assert.deepEqual(p, [
      { 'Processes.process_name': 'devtunnel.exe', 'Processes.dest': 'ws-17', count: 1 },
    ]);
    assert.deepEqual(t, [
      { 'All_Traffic.dest': '20.1.2.3', 'All_Traffic.transport': 'tcp', count: 1 },
    ]);
  });

  test('the pump asks the knowledge only for the fields the data model search needs', () => {
    const plan = compileTstats(
      '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=x by Processes.user',
    );
    assert.notEqual(plan.fields, 'all');
    assert.ok(!(plan.fields as ReadonlySet<string>).has('parent_process_name'));
    const pump = createEventPump([new PlanConsumer(plan, { emit: () => {} })], {
      knowledge: KNOWLEDGE,
    });
    assert.equal(pump.needsRaw, false);
  });
});

describe("Atomic test 2's devtunnel launch (the content pack's data)", () => {
  const atomic = path.join(
    REPO,
    'content',
    'data',
    'attack',
    'T1219.001',
    'atomic_test_2_devtunnel_host',
    'windows-sysmon.log',
  );

  test('seed 000 (raw Sysmon search) and a tstats search over Endpoint.Processes both find it, in one pass', async () => {
    const seed = compileSpl(SEED_IDE_TUNNELING_SEARCH);
    assert.ok(seed.ok);
    const tstats = compileTstats(
      '| tstats `security_content_summariesonly` count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.original_file_name="devtunnel.dll" OR Processes.process_name="devtunnel.exe" by Processes.process Processes.dest Processes.user Processes.parent_process_name | `drop_dm_object_name(Processes)`',
    );
    const seedRows: Event[] = [];
    const tstatsRows: Event[] = [];
    await runPlansOverInputs(
      [
        { plan: seed.value, context: { emit: (rows) => seedRows.push(...rows) } },
        { plan: tstats, context: { emit: (rows) => tstatsRows.push(...rows) } },
      ],
      [atomic],
      { knowledge: KNOWLEDGE },
    );
    const hostLaunch = (command: unknown) =>
      typeof command === 'string' &&
      /devtunnel\.exe"? host --port 8080 --allow-anonymous/.test(command);
    assert.ok(
      seedRows.some((row) => hostLaunch(row['CommandLine'])),
      JSON.stringify(seedRows),
    );
    const found = tstatsRows.find((row) => hostLaunch(row['process']));
    assert.ok(found, JSON.stringify(tstatsRows));
    assert.equal(found['parent_process_name'], 'powershell.exe');
    assert.equal(found['count'], 1);
  });
});
