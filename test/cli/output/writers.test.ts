import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatTime } from '../../../src/cli/output/format-value.ts';
import { createResultWriter, type OutputFormat } from '../../../src/cli/output/index.ts';
import type { Event } from '../../../src/core/event.ts';

function render(format: OutputFormat, batches: readonly (readonly Event[])[]): string {
  let out = '';
  const writer = createResultWriter(format, (text) => {
    out += text;
  });
  for (const batch of batches) writer.write(batch);
  writer.end();
  return out;
}

const ROWS: Event[] = [
  { _time: 1632316711.5896, host: 'WS1', count: 3, _cd: 'hidden' },
  { host: 'WS2', user: ['a', 'b, "c"'] },
];

describe('output formats', () => {
  test('_time prints like Splunk REST, in UTC, to the microsecond', () => {
    assert.equal(formatTime(1632316711.5896), '2021-09-22T13:18:31.5896+00:00');
    assert.equal(formatTime(0), '1970-01-01T00:00:00+00:00');
  });

  test('table: first-seen column order, hidden internals, stacked multivalues', () => {
    assert.equal(
      render('table', [ROWS.slice(0, 1), ROWS.slice(1)]),
      [
        '_time                           host  count  user',
        '------------------------------  ----  -----  ------',
        '2021-09-22T13:18:31.5896+00:00  WS1   3',
        '                                WS2          a',
        '                                             b, "c"',
        '',
      ].join('\n'),
    );
    assert.equal(render('table', []), 'No results.\n');
  });

  test('json: one array; jsonl: one object per line', () => {
    const json = render('json', [ROWS.slice(0, 1), ROWS.slice(1)]);
    assert.deepEqual(JSON.parse(json), [
      { _time: '2021-09-22T13:18:31.5896+00:00', host: 'WS1', count: 3 },
      { host: 'WS2', user: ['a', 'b, "c"'] },
    ]);
    assert.equal(render('json', []), '[]\n');
    const lines = render('jsonl', [ROWS]).trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => JSON.parse(l)),
      JSON.parse(json),
    );
  });

  test('csv: header, RFC 4180 quoting, multivalues joined by newline', () => {
    assert.equal(
      render('csv', [ROWS]),
      '_time,host,count,user\r\n2021-09-22T13:18:31.5896+00:00,WS1,3,\r\n,WS2,,"a\nb, ""c"""\r\n',
    );
  });
});
