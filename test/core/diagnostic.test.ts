import assert from 'node:assert/strict';
import { test } from 'node:test';
import { error, formatDiagnostic, formatDiagnostics } from '../../src/core/diagnostic.ts';
import { lineColumnAt } from '../../src/core/span.ts';

test('lineColumnAt counts lines and columns from 1', () => {
  assert.deepEqual(lineColumnAt('ab\ncd', 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumnAt('ab\ncd', 4), { line: 2, column: 2 });
});

test('formatDiagnostic draws a caret under the span on its own line', () => {
  const text = 'index=x\n| foo bar';
  const rendered = formatDiagnostic(
    error('SPL101', 'unknown command "foo"', {
      source: { name: 'search', text },
      span: { start: 10, end: 13 },
      notes: [{ message: 'a note without a span' }],
    }),
  );
  assert.equal(
    rendered,
    [
      'error[SPL101]: unknown command "foo"',
      ' --> search:2:3',
      '  |',
      '2 | | foo bar',
      '  |   ^^^',
      '  = note: a note without a span',
    ].join('\n'),
  );
});

test('formatDiagnostic falls back to a location when there is no span', () => {
  const rendered = formatDiagnostic(
    error('EVTX201', 'bad chunk magic', { location: 'a.evtx chunk 3 @0x11000' }),
  );
  assert.equal(rendered, 'error[EVTX201]: bad chunk magic\n  --> a.evtx chunk 3 @0x11000');
});

test('a long line is shown as a bounded window around the caret', () => {
  const text = `${'a'.repeat(5000)}BAD${'b'.repeat(5000)}`;
  const rendered = formatDiagnostic(
    error('SPL010', 'unexpected', {
      source: { name: 'search', text },
      span: { start: 5000, end: 5003 },
    }),
  );
  const [, where, , line, caret] = rendered.split('\n');
  assert.equal(where, ' --> search:1:5001');
  assert.ok((line ?? '').length < 140 && (line ?? '').includes('BAD'), line);
  assert.equal(line?.indexOf('BAD'), caret?.indexOf('^^^'), 'the caret stays under the span');
});

test('at most 20 diagnostics are printed per input, then how many more there were', () => {
  const source = { name: 'a.yml', text: 'x' };
  const many = Array.from({ length: 500 }, () =>
    error('SIGMA001', 'bad', { source, span: { start: 0, end: 1 } }),
  );
  const other = error('ING201', 'invalid JSON', { location: 'b.json: line 3', input: 'b.json' });
  const printed = formatDiagnostics([...many, other]);
  assert.equal(printed.match(/error\[SIGMA001\]/g)?.length, 20);
  assert.match(printed, /error\[ING201\]/);
  assert.match(printed, /note: 480 more problem\(s\) in a\.yml not shown/);
});
