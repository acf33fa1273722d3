// foreach (Search Reference, foreach): the template per matching field, placeholders filled in.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileErrors, runPipe } from './run-spl.ts';

describe('foreach', () => {
  test('<<FIELD>> over every field (ESCU: turn "null" text into null)', () => {
    assert.deepEqual(
      runPipe(
        'foreach * [eval <<FIELD>> = if(<<FIELD>>="null", null(), <<FIELD>>)] | table a b c',
        [{ a: 'null', b: 'x', c: 'null', _time: 5 }],
      ),
      [{ b: 'x' }],
    );
  });
  test('<<MATCHSTR>> is what the wildcard matched', () => {
    assert.deepEqual(
      runPipe(
        "foreach avg_* [eval diff_<<MATCHSTR>> = '<<MATCHSTR>>' - <<FIELD>>] | table diff_*",
        [{ avg_cpu: '10', cpu: '15', avg_mem: '3', mem: '1' }],
      ),
      [{ diff_cpu: 5, diff_mem: -2 }],
    );
  });
  test('a template with other than eval is refused', () => {
    const [d] = compileErrors('* | foreach * [stats count]');
    assert.equal(d?.code, 'SPL502');
  });
});
