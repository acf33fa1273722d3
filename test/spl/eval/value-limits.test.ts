// Doubling a value with eval (mvappend, mvzip, `.`, replace) stops at the caps with a warning
// (SPL310) instead of exhausting memory.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic, Event } from '../../../src/core/index.ts';
import { compileSpl } from '../../../src/spl/index.ts';
import { MAX_MULTIVALUE_VALUES, MAX_VALUE_CHARS } from '../../../src/spl/value/value-limits.ts';

function run(search: string): { rows: Event[]; warnings: Diagnostic[] } {
  const compiled = compileSpl(search);
  assert.ok(compiled.ok, search);
  const rows: Event[] = [];
  const warnings: Diagnostic[] = [];
  const planRun = compiled.value.start({
    emit: (batch) => {
      for (const row of batch) rows.push(row);
    },
    warn: (d) => warnings.push(d),
  });
  planRun.finish();
  return { rows, warnings };
}

const doubled = (start: string, step: string) =>
  `| makeresults | eval x=${start} ${`| eval x=${step} `.repeat(30)}| eval n=mvcount(x), len=len(mvindex(x, 0))`;

test('30 doublings stop at the caps, quickly and in bounded memory, with one warning per command', () => {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const appended = run(doubled('"a"', 'mvappend(x, x)'));
  assert.equal(appended.rows[0]?.['n'], MAX_MULTIVALUE_VALUES);
  const zipped = run(doubled('mvappend("ab", "cd")', 'mvzip(x, x)'));
  assert.equal(zipped.rows[0]?.['len'], MAX_VALUE_CHARS);
  const concatenated = run(doubled('"ab"', 'x . x'));
  assert.equal(concatenated.rows[0]?.['len'], MAX_VALUE_CHARS);
  const joined = run(doubled('"ab"', 'mvjoin(mvappend(x, x), x)'));
  assert.ok((joined.rows[0]?.['len'] as number) <= MAX_VALUE_CHARS);
  assert.ok(performance.now() - started < 20_000);
  assert.ok(process.memoryUsage().heapUsed - heap < 1024 * 1024 * 1024, 'well under V8 limits');
  for (const { warnings } of [appended, zipped, concatenated, joined]) {
    assert.ok(warnings.length > 0 && warnings.length <= 30);
    assert.ok(warnings.every((w) => w.code === 'SPL310' && w.span !== undefined));
  }
});

test('split and mvrange of huge inputs stop at the value cap without building the whole list', () => {
  const { rows, warnings } = run(
    '| makeresults | eval e=10000000, w="%010000d" | eval s=mvrange(0, e), n=mvcount(s), c=mvcount(split(printf(w, 1), ""))',
  );
  assert.equal(rows[0]?.['n'], MAX_MULTIVALUE_VALUES);
  assert.equal(rows[0]?.['c'], 10_000);
  assert.equal(warnings[0]?.code, 'SPL310');
});
