import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createResultWriter, type OutputFormat } from '../../../src/cli/output/index.ts';
import type { Event } from '../../../src/core/event.ts';
import { formatTime } from '../../../src/engine/results/format-value.ts';

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
  // Splunk's search export prints `_time` as `%FT%T.%Q%:z` (REST API Reference, search/jobs
  // `time_format`): three fraction digits always, the sub-millisecond part cut, not rounded.
  test('_time prints like Splunk export: UTC, exactly three fraction digits, truncated', () => {
    const cases: [number, string][] = [
      [1632316711.5896, '2021-09-22T13:18:31.589+00:00'],
      [1742404512.00279, '2025-03-19T17:15:12.002+00:00'],
      [1742404512.000999, '2025-03-19T17:15:12.000+00:00'],
      [1742404512.1, '2025-03-19T17:15:12.100+00:00'],
      [0, '1970-01-01T00:00:00.000+00:00'],
      [-1.5, '1969-12-31T23:59:58.500+00:00'],
    ];
    for (const [seconds, text] of cases) assert.equal(formatTime(seconds), text, String(seconds));
  });

  test('_time a date cannot hold prints as a number instead of failing', () => {
    assert.equal(formatTime(1e20), '100000000000000000000');
    assert.equal(formatTime(Number.NaN), 'nan');
    assert.equal(render('csv', [[{ _time: 1e20 }]]), '_time\r\n100000000000000000000\r\n');
  });

  test('table: first-seen column order, hidden internals, stacked multivalues', () => {
    assert.equal(
      render('table', [ROWS.slice(0, 1), ROWS.slice(1)]),
      [
        '_time                          host  count  user',
        '-----------------------------  ----  -----  ------',
        '2021-09-22T13:18:31.589+00:00  WS1   3',
        '                               WS2          a',
        '                                            b, "c"',
        '',
      ].join('\n'),
    );
    assert.equal(render('table', []), 'No results.\n');
  });

  test('json: one array; jsonl: one object per line', () => {
    const json = render('json', [ROWS.slice(0, 1), ROWS.slice(1)]);
    assert.deepEqual(JSON.parse(json), [
      { _time: '2021-09-22T13:18:31.589+00:00', host: 'WS1', count: 3 },
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
      '_time,host,count,user\r\n2021-09-22T13:18:31.589+00:00,WS1,3,\r\n,WS2,,"a\nb, ""c"""\r\n',
    );
  });

  // Rows are plain objects: a field named like an Object.prototype member is printed when a row
  // has it and is empty (not the inherited member) when it does not. `__proto__` starts with `_`,
  // so it is hidden like every internal field; it must not leak as an object or move columns.
  const PROTO_ROWS: Event[] = [
    JSON.parse('{"host":"WS1","__proto__":"p","constructor":"c","toString":["x","y"]}') as Event,
    { host: 'WS2' },
  ];

  test('every writer prints fields named constructor, toString as fields; __proto__ is internal', () => {
    assert.equal(
      render('csv', [PROTO_ROWS]),
      'host,constructor,toString\r\nWS1,c,"x\ny"\r\nWS2,,\r\n',
    );
    assert.equal(
      render('table', [PROTO_ROWS]),
      [
        'host  constructor  toString',
        '----  -----------  --------',
        'WS1   c            x',
        '                   y',
        'WS2',
        '',
      ].join('\n'),
    );
    const json = render('json', [PROTO_ROWS]);
    assert.equal(
      json,
      '[\n  {"host":"WS1","constructor":"c","toString":["x","y"]},\n  {"host":"WS2"}\n]\n',
    );
    assert.equal(
      render('jsonl', [PROTO_ROWS]),
      '{"host":"WS1","constructor":"c","toString":["x","y"]}\n{"host":"WS2"}\n',
    );
  });
});
