// Stats aggregates: table-driven results over value sequences, and the registry's names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MaybeValue } from '../../../src/core/value.ts';
import { lookupAggregate } from '../../../src/spl/eval/aggregates/index.ts';

function aggregate(
  name: string,
  values: readonly MaybeValue[],
  times?: readonly number[],
): MaybeValue {
  const spec = lookupAggregate(name);
  assert.ok(spec, `no aggregate ${name}`);
  const acc = spec.create(1);
  for (const [i, v] of values.entries()) acc.add(v, times?.[i]);
  return acc.result();
}

const cases: Array<[string, readonly MaybeValue[], MaybeValue, (readonly number[])?]> = [
  ['count', ['a', undefined, ['b', 'c']], 3],
  ['dc', ['a', 'b', 'a', ['c', 'a']], 3],
  ['distinct_count', ['1', 1, '01'], 2],
  // values(): distinct, lexicographic, as strings ("10" before "9").
  ['values', ['b', '9', '10', 'b', 'A'], ['10', '9', 'A', 'b']],
  ['Values', ['x'], 'x'],
  ['list', ['b', 'a', 'b'], ['b', 'a', 'b']],
  // min/max: numeric when any value is numeric, else lexicographic.
  ['min', ['10', '9', 'abc'], 9],
  ['max', ['10', '9', 'abc'], 10],
  ['max', ['abc', 'abd'], 'abd'],
  ['min', [undefined], undefined],
  ['range', ['3', '10', 'x'], 7],
  ['sum', ['1', '2.5', 'x'], 3.5],
  ['avg', ['1', '2', '3', 'x'], 2],
  ['mean', [2, 4], 3],
  ['stdev', [2, 4, 4, 4, 5, 5, 7, 9], 2.138089935299395],
  ['stdevp', [2, 4, 4, 4, 5, 5, 7, 9], 2],
  ['var', [1, 2, 3, 4], 1.6666666666666667],
  ['varp', [1, 2, 3, 4], 1.25],
  ['stdev', [5], undefined],
  ['first', [undefined, 'a', 'b'], 'a'],
  ['last', ['a', 'b', undefined], 'b'],
  ['earliest', ['late', 'early', 'mid'], 'early', [30, 10, 20]],
  ['latest', ['late', 'early', 'mid'], 'late', [30, 10, 20]],
  ['earliest_time', ['late', 'early'], 10, [30, 10]],
  ['latest_time', ['late', 'early'], 30, [30, 10]],
  // Nearest rank: rank ceil(p/100 · N).
  ['perc50', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], 5],
  ['p95', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], 10],
  ['exactperc90', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], 9],
  ['upperperc25', ['4', '1', '3', '2'], 1],
  ['perc99.5', [1, 2], 2],
  // median: the higher middle value for an even count.
  ['median', ['4', '1', '3', '2'], 3],
  ['median', ['3', '1', '2'], 2],
  ['mode', ['a', 'b', 'b', 'a', 'b'], 'b'],
  ['estdc', ['a', 'b', 'a'], 2],
];

for (const [name, values, expected, times] of cases) {
  test(`aggregate ${name}(${JSON.stringify(values)})`, () => {
    assert.deepEqual(aggregate(name, values, times), expected);
  });
}

test('count with no argument counts events', () => {
  const acc = lookupAggregate('count')?.create(0);
  assert.ok(acc);
  acc.add(undefined, undefined);
  acc.add(undefined, undefined);
  assert.equal(acc.result(), 2);
});

test('list keeps only the first 100 values', () => {
  const values = Array.from({ length: 150 }, (_, i) => String(i));
  const result = aggregate('list', values);
  assert.ok(Array.isArray(result));
  assert.equal(result.length, 100);
});

test('estdc stays within 3% above the exact range', () => {
  const values = Array.from({ length: 50_000 }, (_, i) => `v${i}`);
  const estimate = aggregate('estdc', values) as number;
  assert.ok(Math.abs(estimate - 50_000) / 50_000 < 0.03, `estimate ${estimate}`);
});

test('registry names: aliases, percentiles, unknowns', () => {
  assert.equal(lookupAggregate('DC')?.name, 'dc');
  assert.equal(lookupAggregate('p99.9')?.name, 'perc');
  assert.equal(lookupAggregate('earliest')?.needsTime, true);
  assert.equal(lookupAggregate('perc0'), undefined);
  assert.equal(lookupAggregate('perc100'), undefined);
  assert.equal(lookupAggregate('nosuch'), undefined);
});
