// Risk incidents stream each entity's risk events in time order from the ledger's store; they must
// be exactly what the plain definition gives over the whole list: a stable sort by time, repeats of
// a search name within the window of its counted event folded into it, and a window slid over the
// counted events with its total recomputed at every step. Checked on hand-built cases with fixed
// answers and on random ones: equal and out-of-order times, many entities, ledgers past the store's
// in-memory buffer (merged from several spilled segments), the listing cap and the kept cap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RiskEvent } from '../../../src/engine/risk/risk-event.ts';
import {
  type CountedContribution,
  findIncidents,
  type IncidentOptions,
  MAX_LISTED_CONTRIBUTIONS,
  type RiskIncident,
} from '../../../src/engine/risk/risk-incidents.ts';
import { MAX_KEPT_CONTRIBUTIONS, RiskLedger } from '../../../src/engine/risk/risk-ledger.ts';

interface Raised {
  readonly entity: string;
  readonly time: number | undefined;
  readonly score: number;
  readonly search: string;
}

function riskEvent(r: Raised): RiskEvent {
  return {
    time: r.time,
    searchName: r.search,
    riskObject: r.entity,
    riskObjectType: 'system',
    riskObjectField: 'dest',
    riskScore: r.score,
    riskMessage: `${r.search} on ${r.entity}`,
    threatObjects: [],
    annotations: { mitreAttack: [], mitreTactics: [], analyticStories: [] },
    description: '',
    result: {},
  };
}

function streamed(raised: readonly Raised[], options: IncidentOptions): RiskIncident[] {
  const ledger = new RiskLedger();
  raised.forEach((r, i) => {
    ledger.add(riskEvent(r), i);
  });
  return findIncidents(ledger.entityLedgers(), options);
}

/** The definition, over whole lists (integer scores, so a recomputed total is exact). */
function reference(raised: readonly Raised[], options: IncidentOptions): RiskIncident[] {
  const { threshold, windowSeconds: w } = options;
  const byEntity = new Map<string, CountedContribution[]>();
  let kept = 0;
  raised.forEach((r, finding) => {
    const list = byEntity.get(r.entity) ?? [];
    byEntity.set(r.entity, list);
    if (r.time === undefined || kept++ >= MAX_KEPT_CONTRIBUTIONS) return;
    const message = `${r.search} on ${r.entity}`;
    list.push({ time: r.time, score: r.score, searchName: r.search, message, finding, repeats: 1 });
  });
  const incidents: RiskIncident[] = [];
  for (const [entity, list] of byEntity) {
    const sorted = [...list].sort((a, b) => a.time - b.time);
    type Counted = { -readonly [K in keyof CountedContribution]: CountedContribution[K] };
    const counted: Counted[] = [];
    const lastCounted = new Map<string, Counted>();
    for (const c of sorted) {
      const first = lastCounted.get(c.searchName);
      if (first !== undefined && c.time - first.time <= w) first.repeats++;
      else {
        const copy = { ...c };
        counted.push(copy);
        lastCounted.set(c.searchName, copy);
      }
    }
    let open: CountedContribution[] | undefined;
    let peak = 0;
    const close = () => {
      if (open === undefined) return;
      incidents.push({
        riskObject: entity,
        riskObjectType: 'system',
        scope: undefined,
        peakTotal: peak,
        start: (open[0] as CountedContribution).time,
        end: (open[open.length - 1] as CountedContribution).time,
        contributions: open.slice(0, MAX_LISTED_CONTRIBUTIONS),
        contributionCount: open.length,
        searchNames: [...new Set(open.map((c) => c.searchName))].sort(),
      });
      open = undefined;
    };
    let low = 0;
    counted.forEach((c, i) => {
      // Counted events are in time order: the first in the window only moves forward.
      while (low < i && (counted[low] as CountedContribution).time < c.time - w) low++;
      const before = counted.slice(low, i).reduce((sum, k) => sum + k.score, 0);
      if (before <= threshold) close();
      if (before + c.score > threshold) {
        if (open === undefined) {
          open = counted.slice(low, i + 1);
          peak = before + c.score;
        } else {
          open.push(c);
          peak = Math.max(peak, before + c.score);
        }
      } else close();
    });
    close();
  }
  return incidents.sort((a, b) => b.peakTotal - a.peakTotal || a.start - b.start);
}

function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n);
  };
}

function randomRaised(seed: number, length: number, shape: { times: number; names: number }) {
  const pick = random(seed);
  const entities = 1 + pick(6);
  return Array.from({ length }, (): Raised => {
    const time = pick(50) === 0 ? undefined : 1_700_000_000 + pick(shape.times);
    return {
      entity: `host-${pick(entities)}`,
      time,
      score: 5 + pick(8) * 5,
      search: `Sigma - Rule ${pick(shape.names)}`,
    };
  });
}

test('hand-built: a listed event keeps counting repeats after its incident closed', () => {
  const options = { threshold: 100, windowSeconds: 100 };
  const raised: Raised[] = [
    { entity: 'a', time: 120, score: 60, search: 'A' },
    { entity: 'a', time: 0, score: 50, search: 'Z' },
    { entity: 'a', time: 101, score: 1, search: 'Y' },
    { entity: 'a', time: 50, score: 60, search: 'A' },
  ];
  const [incident, ...rest] = streamed(raised, options);
  assert.deepEqual(rest, []);
  assert.deepEqual(
    incident?.contributions.map((c) => [c.searchName, c.time, c.repeats, c.finding]),
    [
      ['Z', 0, 1, 1],
      ['A', 50, 2, 3],
    ],
  );
  assert.deepEqual([incident?.peakTotal, incident?.start, incident?.end], [110, 0, 50]);
  assert.deepEqual(streamed(raised, options), reference(raised, options));
});

test('hand-built: equal times keep the order raised, across entities and repeats', () => {
  const options = { threshold: 50, windowSeconds: 10 };
  const raised: Raised[] = [
    { entity: 'b', time: 5, score: 30, search: 'B' },
    { entity: 'a', time: 5, score: 30, search: 'A' },
    { entity: 'b', time: 5, score: 30, search: 'B' },
    { entity: 'b', time: 5, score: 25, search: 'C' },
    { entity: 'a', time: 5, score: 30, search: 'D' },
    { entity: 'b', time: 3, score: 30, search: 'C' },
  ];
  const found = streamed(raised, options);
  assert.deepEqual(
    found.map((i) => [i.riskObject, i.peakTotal, i.contributions.map((c) => c.finding)]),
    [
      ['b', 60, [5, 0]],
      ['a', 60, [1, 4]],
    ],
  );
  assert.deepEqual(
    found[0]?.contributions.map((c) => c.repeats),
    [2, 2],
  );
  assert.deepEqual(found, reference(raised, options));
});

test('random ledgers: streamed incidents equal the definition', () => {
  const shapes = [
    { times: 20, names: 3, options: { threshold: 40, windowSeconds: 5 } },
    { times: 2_000, names: 10, options: { threshold: 100, windowSeconds: 60 } },
    { times: 200_000, names: 40, options: { threshold: 150, windowSeconds: 3_600 } },
  ];
  for (let seed = 1; seed <= 40; seed++) {
    const shape = shapes[seed % shapes.length] as (typeof shapes)[number];
    const raised = randomRaised(seed, 1 + random(seed)(3_000), shape);
    assert.deepEqual(
      streamed(raised, shape.options),
      reference(raised, shape.options),
      `seed ${seed}`,
    );
  }
});

test('past the store buffer: segments spilled out of order merge into the definition', () => {
  // 200,000 risk events: three buffers to the file, the rest from memory, times out of order.
  const options = { threshold: 200, windowSeconds: 300 };
  const raised = randomRaised(99, 200_000, { times: 20_000, names: 30 });
  const found = streamed(raised, options);
  assert.ok(found.length > 10);
  assert.deepEqual(found, reference(raised, options));
});

test('a long incident lists its first 1,000 contributions, with repeats, and counts them all', () => {
  // A risk event each second, 50 names in turn, a 60-second window: each name counts every
  // 100 s (its repeat 50 s later folds in), ~30 count in any window, the incident never closes.
  const options = { threshold: 100, windowSeconds: 60 };
  const raised = Array.from(
    { length: 20_000 },
    (_, i): Raised => ({ entity: 'a', time: i, score: 40, search: `Sigma - Rule ${i % 50}` }),
  );
  const found = streamed(raised, options);
  assert.equal(found.length, 1);
  assert.equal(found[0]?.contributions.length, MAX_LISTED_CONTRIBUTIONS);
  assert.ok((found[0]?.contributionCount ?? 0) > MAX_LISTED_CONTRIBUTIONS);
  assert.ok(found[0]?.contributions.some((c) => c.repeats > 1));
  assert.deepEqual(found, reference(raised, options));
});

test('past the kept cap the windows see the first million risk events', () => {
  const options = { threshold: 300, windowSeconds: 120 };
  const pick = random(5);
  const raised = Array.from(
    { length: MAX_KEPT_CONTRIBUTIONS + 20_000 },
    (_, i): Raised => ({
      entity: `host-${pick(3)}`,
      // Read again and again: the same times come back.
      time: (i % 250_000) + pick(30),
      score: 10 + pick(10) * 10,
      search: `Sigma - Rule ${pick(25)}`,
    }),
  );
  // The last 20,000 are the highest risk: seen, they would make incidents of their own.
  for (let i = MAX_KEPT_CONTRIBUTIONS; i < raised.length; i++) {
    raised[i] = { entity: 'host-9', time: 1, score: 1000, search: `Sigma - Late ${i}` };
  }
  const found = streamed(raised, options);
  assert.ok(found.every((i) => i.riskObject !== 'host-9'));
  assert.deepEqual(found, reference(raised, options));
});
