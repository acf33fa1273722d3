// Attacker-shaped events through every built-in dataset: no crash, no prototype pollution, rows stay plain data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import type { CompiledDataset } from '../../../src/knowledge/datamodels/compile/compile-dataset.ts';
import { BUILTIN_DATA_MODELS, securityEvent, sysmonEvent } from './dm-helpers.ts';

function* references(): Generator<string> {
  for (const model of BUILTIN_DATA_MODELS.models) {
    const walk = function* (d: CompiledDataset): Generator<string> {
      yield `${model.name}.${d.path.join('.')}`;
      for (const child of d.children) yield* walk(child);
    };
    for (const root of model.roots) yield* walk(root);
  }
}

const hostile = (base: Event): Event[] => {
  const long = 'A'.repeat(200_000);
  const proto = JSON.parse('{"__proto__": {"polluted": 1}}') as Event;
  return [
    base,
    { ...base, process_name: ['a', '', 'b'], process: long, user: 12, dest: ['x', 'y'] },
    { ...base, EventCode: ['1', '3'], source: ['a', 'b'], tag: ['x', 'process'] },
    { ...base, constructor: 'x', toString: 'y', action: '', answer: [] as unknown as string },
    { ...base, ...proto, risk_score: 'NaN', calculated_risk_score: 'Infinity' },
    { index: 'risk', _time: Number.NaN },
    {},
  ];
};

test('every dataset projects hostile events without throwing', () => {
  const events = [
    ...hostile(sysmonEvent(1, { Image: 'C:\\a.exe' })),
    ...hostile(securityEvent(4625, { TargetUserName: 'x' })),
  ];
  let rows = 0;
  for (const reference of references()) {
    const resolved = BUILTIN_DATA_MODELS.resolve(reference);
    assert.ok(resolved.ok, reference);
    for (const naming of ['prefixed', 'plain'] as const) {
      const projection = resolved.dataset.project('all', naming);
      for (const event of events) {
        const row = projection.project(event);
        if (row === undefined) continue;
        rows++;
        for (const value of Object.values(row)) {
          assert.ok(
            ['string', 'number'].includes(typeof value) || Array.isArray(value),
            `${reference}: ${typeof value}`,
          );
        }
      }
    }
  }
  assert.ok(rows > 0);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});
