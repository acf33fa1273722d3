// Test helper: the value of one eval expression, written as SPL, over one event.
import assert from 'node:assert/strict';
import type { Event } from '../../../src/core/event.ts';
import type { MaybeValue } from '../../../src/core/value.ts';
import { compileErrors, runSpl } from '../operators/run-spl.ts';

/** `eval result=<expression>` over `event` (default: one makeresults row). */
export function evalText(expression: string, event?: Event): MaybeValue {
  const rows = event
    ? runSpl(`* | eval result=${expression}`, [event])
    : runSpl(`| makeresults | eval result=${expression}`, []);
  assert.equal(rows.length, 1);
  return rows[0]?.['result'];
}

/** The first compile error of `eval result=<expression>`. */
export function evalError(expression: string): { code: string; message: string } {
  const [first] = compileErrors(`| makeresults | eval result=${expression}`);
  assert.ok(first);
  return { code: first.code, message: first.message };
}
