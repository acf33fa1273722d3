// The pass-through shortcut of calculated fields gives what the expression gives, for every built-in calculation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import type { CompiledDataset } from '../../../src/knowledge/datamodels/compile/compile-dataset.ts';
import { BUILTIN_DATA_MODELS } from './dm-helpers.ts';

const VALUES: readonly Event[string][] = [
  undefined,
  '',
  '-',
  'x',
  'unknown',
  ' cmd.exe /c',
  0,
  7,
  '12',
  ['a', ''],
  ['a', 'b'],
];

function* datasets(list: readonly CompiledDataset[]): Generator<CompiledDataset> {
  for (const d of list) {
    yield d;
    yield* datasets(d.children);
  }
}

test('every built-in calculated field: the shortcut equals the expression on odd and usual values', () => {
  let checked = 0;
  for (const model of BUILTIN_DATA_MODELS.models) {
    for (const dataset of datasets(model.roots)) {
      for (const calc of dataset.calculated) {
        for (const own of VALUES) {
          for (const other of VALUES) {
            const row: Event = { sourcetype: 'st' };
            for (const read of calc.reads) row[read] = other;
            row[calc.field] = own;
            assert.deepEqual(
              calc.compute(row),
              calc.general(row),
              `${model.name}.${dataset.path.join('.')}.${calc.field} on ${JSON.stringify(row)}`,
            );
            checked++;
          }
        }
      }
    }
  }
  assert.ok(checked > 10_000, String(checked));
});
