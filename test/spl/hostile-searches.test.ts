// Hostile searches (issue 19) and what the fuzz suite found: every one compiles or is refused
// with located diagnostics, quickly, and prints a bounded report; none throws or overflows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Diagnostic, type Event, formatDiagnostics } from '../../src/core/index.ts';
import { compileSpl } from '../../src/spl/index.ts';

function compileTimed(text: string): {
  ok: boolean;
  diagnostics: readonly Diagnostic[];
  ms: number;
} {
  const started = performance.now();
  const result = compileSpl(text);
  const ms = performance.now() - started;
  return { ok: result.ok, diagnostics: result.ok ? [] : result.diagnostics, ms };
}

function run(text: string, events: readonly Event[]): Event[] {
  const result = compileSpl(text);
  assert.ok(result.ok, text.slice(0, 80));
  const rows: Event[] = [];
  const planRun = result.value.start({ emit: (batch) => rows.push(...batch) });
  if (!result.value.generating) planRun.push(events.map((e) => ({ ...e })));
  planRun.finish();
  return rows;
}

test('a flat chain of thousands of operators is SPL013 at the operator past the limit', () => {
  const text = `| makeresults | eval x=${Array(5000).fill('1').join('+')}`;
  const { diagnostics, ms } = compileTimed(text);
  assert.equal(diagnostics[0]?.code, 'SPL013');
  assert.equal(text[diagnostics[0]?.span?.start ?? 0], '+');
  assert.ok(ms < 2_000);
  // The longest chain allowed compiles and runs, from a deep stack too.
  const deep = (n: number): Event[] =>
    n > 0 ? deep(n - 1) : run(`| makeresults | eval x=${Array(1000).fill('1').join('+')}`, []);
  assert.equal(deep(3000)[0]?.['x'], 1000);
});

test('a pipeline of 11,000 commands is SPL013; 1,000 compile and run', () => {
  const long = compileTimed(`| makeresults ${'| eval a=1 '.repeat(11_000)}`);
  assert.deepEqual(
    long.diagnostics.map((d) => d.code),
    ['SPL013'],
  );
  assert.equal(run(`| makeresults ${'| eval a=1 '.repeat(999)}`, [])[0]?.['a'], 1);
});

test('thousands of parse errors: at most 100 kept (SPL014), 20 printed, each excerpt bounded', () => {
  for (const text of [
    `index=x ${'[search a '.repeat(4000)}`,
    `| makeresults ${'|'.repeat(20_000)}`,
    `index=x ${'['.repeat(999_000)}`,
    `index=x ${'`m` '.repeat(200_000)}`,
  ]) {
    const { diagnostics, ms } = compileTimed(text);
    assert.ok(diagnostics.length > 0 && diagnostics.length <= 102, `${diagnostics.length}`);
    const printed = formatDiagnostics(diagnostics);
    assert.ok(printed.length < 10_000, `${printed.length} characters printed`);
    assert.ok(ms < 5_000, `${ms} ms`);
  }
});

test('what the fuzz suite found: NUL in a wildcard term, multivalue _time, repeated by-fields, long OR clauses', () => {
  // A raw term with a NUL character compiles (RE2 refuses NUL written as is).
  assert.ok(compileTimed('cm d*\0+exe*').ok);
  // streamstats over a _time made multivalue by a rename.
  const rows = run('* | rename b AS _time | streamstats time_window=1h count', [
    { _time: 1, b: ['x', 'y'] },
  ]);
  assert.equal(rows[0]?.['count'], 1);
  // A by-clause repeating a multivalue field hundreds of times groups once, quickly.
  const started = performance.now();
  const grouped = run(`* | stats count by ${'b '.repeat(1400)}`, [{ b: ['x', 'y'] }]);
  assert.equal(grouped.length, 2);
  assert.ok(performance.now() - started < 2_000);
  // Every piece of a long clause asked about the whole clause: quadratic before.
  const clause = Array.from({ length: 20_000 }, (_, i) => `user=u${i}`).join(' OR ');
  assert.ok(compileTimed(`earliest=-1d (${clause})`).ms < 5_000);
});
