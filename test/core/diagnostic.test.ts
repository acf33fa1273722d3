import assert from 'node:assert/strict';
import { test } from 'node:test';
import { error, formatDiagnostic } from '../../src/core/diagnostic.ts';
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
