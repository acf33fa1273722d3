// The engine pump: routes, field knowledge before the plans, several plans over one pass.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event, EventSource } from '../../src/core/event.ts';
import { planEventFlow } from '../../src/engine/event-flow.ts';
import { runPlansOverEvents } from '../../src/engine/run-plans.ts';
import { compileSpl } from '../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../src/spl/plan/plan.ts';
import { cleanKnowledge } from '../knowledge/helpers.ts';

function plan(spl: string): Plan {
  const compiled = compileSpl(spl);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  return compiled.plan;
}

async function* batches(...lists: Event[][]): EventSource {
  for (const list of lists) yield list;
}

async function run(spls: string[], events: Event[], props: string) {
  const plans = spls.map(plan);
  const results: Event[][] = plans.map(() => []);
  const flow = planEventFlow(plans, cleanKnowledge({ props }));
  await runPlansOverEvents(
    plans.map((p, i) => ({ plan: p, context: { emit: (rows) => results[i]?.push(...rows) } })),
    batches(events.slice(0, 1), events.slice(1)),
    flow,
  );
  return { results, flow };
}

const sysmon = (code: string, image: string): Event => ({
  sourcetype: 'XmlWinEventLog',
  source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
  EventCode: code,
  Image: image,
});

describe('runPlansOverEvents', () => {
  test('knowledge fields are there for the leading search, and only what the plans read is computed', async () => {
    const props =
      '[XmlWinEventLog]\nEVAL-process_name = replace(Image, "^.*\\\\\\\\", "")\nEVAL-unused = "x"\n';
    const { results, flow } = await run(
      ['process_name=cmd.exe | table EventCode process_name unused'],
      [sysmon('1', 'C:\\w\\cmd.exe'), sysmon('1', 'C:\\w\\calc.exe')],
      props,
    );
    assert.deepEqual(results[0], [{ EventCode: '1', process_name: 'cmd.exe', unused: 'x' }]);
    assert.equal(flow.needsRaw, false);
  });

  test('several plans share one pass; each gets the events its route admits', async () => {
    const { results } = await run(
      [
        'EventCode=1 | stats count',
        'EventCode=3 | stats count',
        '| makeresults count=1 | eval g=1 | table g',
      ],
      [sysmon('1', 'a'), sysmon('3', 'b'), sysmon('3', 'c')],
      '[XmlWinEventLog]\nEVAL-x = 1\n',
    );
    assert.deepEqual(results, [[{ count: 1 }], [{ count: 2 }], [{ g: 1 }]]);
  });

  test('knowledge that writes a route field runs before routing', async () => {
    const { results } = await run(
      ['EventCode=4688 | stats count'],
      [{ sourcetype: 'csv', source: 'x.csv', event_id: '4688' }],
      '[csv]\nFIELDALIAS-code = event_id AS EventCode\n',
    );
    assert.deepEqual(results[0], [{ count: 1 }]);
  });

  test('the legacy per-channel sourcetype is admitted by the route', async () => {
    const { results } = await run(
      [
        'sourcetype="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" OR source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" | stats count',
      ],
      [sysmon('1', 'a')],
      '[XmlWinEventLog]\nEVAL-x = 1\n',
    );
    assert.deepEqual(results[0], [{ count: 1 }]);
  });
});
