// The engine pump: routes, field knowledge before the plans, several plans over one pass.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event, EventSource } from '../../src/core/event.ts';
import { createEventPump, PlanConsumer, runPlans } from '../../src/engine/index.ts';
import type { KnowledgeBase } from '../../src/knowledge/index.ts';
import type { Plan } from '../../src/spl/plan/plan.ts';
import { planOf } from '../helpers/plan.ts';
import { cleanKnowledge } from '../knowledge/helpers.ts';

const plan = planOf;

async function* batches(...lists: Event[][]): EventSource {
  for (const list of lists) yield list;
}

async function run(spls: string[], events: Event[], props: string) {
  const plans = spls.map(plan);
  const results: Event[][] = plans.map(() => []);
  const knowledge = cleanKnowledge({ props });
  await runPlans(
    plans.map((p, i) => ({ plan: p, context: { emit: (rows) => results[i]?.push(...rows) } })),
    batches(events.slice(0, 1), events.slice(1)),
    knowledge,
  );
  return { results, needsRaw: needsRaw(plans, knowledge) };
}

/** Whether the readers would have to keep `_raw` for these plans and this knowledge. */
function needsRaw(plans: readonly Plan[], knowledge: KnowledgeBase): boolean {
  return createEventPump(
    plans.map((p) => new PlanConsumer(p, { emit: () => {} })),
    { knowledge },
  ).needsRaw;
}

const sysmon = (code: string, image: string): Event => ({
  sourcetype: 'XmlWinEventLog',
  source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
  EventCode: code,
  Image: image,
});

describe('runPlans', () => {
  test('knowledge fields are there for the leading search, and only what the plans read is computed', async () => {
    const props =
      '[XmlWinEventLog]\nEVAL-process_name = replace(Image, "^.*\\\\\\\\", "")\nEVAL-unused = "x"\n';
    const { results, needsRaw: raw } = await run(
      ['process_name=cmd.exe | table EventCode process_name unused'],
      [sysmon('1', 'C:\\w\\cmd.exe'), sysmon('1', 'C:\\w\\calc.exe')],
      props,
    );
    assert.deepEqual(results[0], [{ EventCode: '1', process_name: 'cmd.exe', unused: 'x' }]);
    assert.equal(raw, false);
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

/**
 * A source of 1,000 batches (endless for a `head`) that counts the batches pulled from it and
 * whether it was closed; bounded so that a pump that never stops fails the test instead of hanging.
 */
function endless(batch: readonly Event[]) {
  const seen = { pulled: 0, closed: false };
  async function* source(): EventSource {
    try {
      while (seen.pulled < 1000) {
        seen.pulled++;
        yield batch.map((e) => ({ ...e }));
      }
    } finally {
      seen.closed = true;
    }
  }
  return { seen, source: source() };
}

describe('runPlans stops reading once every run is done', () => {
  const ten = Array.from({ length: 10 }, (_, i) => sysmon(i % 2 === 0 ? '1' : '3', `p${i}.exe`));

  async function runEndless(spls: string[]) {
    const plans = spls.map(plan);
    const results: Event[][] = plans.map(() => []);
    const { seen, source } = endless(ten);
    await runPlans(
      plans.map((p, i) => ({ plan: p, context: { emit: (rows) => results[i]?.push(...rows) } })),
      source,
      cleanKnowledge({ props: '' }),
    );
    return { results, seen };
  }

  test('head 12 over batches of 10 pulls two batches and closes the source', async () => {
    const { results, seen } = await runEndless(['EventCode=* | head 12 | table Image']);
    assert.equal(results[0]?.length, 12);
    assert.equal(results[0]?.[11]?.['Image'], 'p1.exe');
    assert.equal(seen.pulled, 2);
    assert.equal(seen.closed, true);
  });

  test('several plans: each done run gets no more events; reading stops when the last is done', async () => {
    // Five EventCode=1 events per batch: head 3 is done after one batch, head 12 after three.
    const { results, seen } = await runEndless([
      'EventCode=1 | head 3 | table Image',
      'EventCode=1 | head 12 | table Image',
      '| makeresults count=1 | eval g=1 | table g',
    ]);
    assert.deepEqual(
      results.map((r) => r.length),
      [3, 12, 1],
    );
    assert.equal(seen.pulled, 3);
    assert.equal(seen.closed, true);
  });

  test('head 0 reads nothing', async () => {
    const { results, seen } = await runEndless(['EventCode=1 | head 0']);
    assert.deepEqual(results, [[]]);
    assert.equal(seen.pulled, 0);
  });

  test('a run that is never done reads the whole source', async () => {
    const results: Event[][] = [[], []];
    const plans = ['EventCode=1 | head 1', 'EventCode=3 | stats count'].map(plan);
    await runPlans(
      plans.map((p, i) => ({ plan: p, context: { emit: (rows) => results[i]?.push(...rows) } })),
      batches(ten, ten, ten),
      cleanKnowledge({ props: '' }),
    );
    assert.equal(results[0]?.length, 1);
    assert.deepEqual(results[1], [{ count: 15 }]);
  });

  test('head after a blocking command is not done early: sort sees every event', async () => {
    const results: Event[] = [];
    const p = plan('EventCode=* | sort - Image | head 1 | table Image');
    const images = Array.from({ length: 30 }, (_, i) =>
      sysmon('1', `p${String(i).padStart(2, '0')}`),
    );
    await runPlans(
      [{ plan: p, context: { emit: (rows) => results.push(...rows) } }],
      batches(images.slice(0, 10), images.slice(10, 20), images.slice(20)),
      cleanKnowledge({ props: '' }),
    );
    assert.deepEqual(results, [{ Image: 'p29' }]);
  });
});
