// The hunt's writers build their text piece by piece: each piece is exactly what the record
// functions give (JSON lines, the JSON document), for findings of every kind; the CSV row by row.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { findingJson, findingRecord } from '../../src/cli/hunt/finding-record.ts';
import { createHuntOutput, reportRecord } from '../../src/cli/hunt/hunt-output.ts';
import { rowJsonText, rowToJson } from '../../src/cli/output/json-value.ts';
import type { Event } from '../../src/core/index.ts';
import { BUILTIN_CONTENT_DIR } from '../../src/detection/index.ts';
import {
  type HuntReport,
  loadEventDetails,
  openWorkspace,
  runHunt,
} from '../../src/engine/index.ts';

const ROWS: Event[] = [
  { _time: 1_700_000_000.123456, host: 'ws1', CommandLine: 'a "quoted" \\ line\n', n: 3 },
  { host: 'ws2', _time: 1_700_000_001, _cd: 'hidden', EventID: '1' },
  { _raw: '<Event/>', _time: 1.5, values: ['a', 'b'], num: Number.NaN },
  { _time: [1_700_000_000, 1_700_000_002], x: 'y' },
  { 1: 'integer key first', _time: 5, y: 'z' },
  { a: 'no time', b: undefined, c: [] },
  Object.defineProperty({ _time: 7 } as Event, '__proto__', {
    value: 'own',
    enumerable: true,
  }),
  // Hidden fields as readers add them (`_file`, `_line`), before, between and after shown ones.
  { _time: 1_556_380_645.868, host: 'h', _file: 'a.jsonl', _line: 3, EventID: '11' },
  { _file: 'first.xml', _time: 9, x: 'hidden first, time second' },
  { a: 'é ✓ \u2028', _line: 2, b: ['x', 'y'], _raw: 'raw', _x: 'h', c: 'last' },
  { 2: 'integer', _time: 3, _line: 1, 1: 'keys', z: undefined, w: 'w' },
  Object.defineProperty({ _time: 7, _file: 'f' } as Event, '__proto__', {
    value: 'own after a hidden field',
    enumerable: true,
  }),
  { _file: 'only hidden', _line: 4 },
  { _time: 'not a number', _file: 'f', s: 's' },
];

test('rowJsonText writes what JSON.stringify(rowToJson(row)) writes', () => {
  for (const row of ROWS) assert.equal(rowJsonText(row), JSON.stringify(rowToJson(row)));
});

/** A real hunt's report (the built-in pack over its bundled telemetry). */
async function bundledReport(): Promise<HuntReport> {
  const workspace = openWorkspace({ content: [BUILTIN_CONTENT_DIR] });
  return runHunt(workspace, [`${BUILTIN_CONTENT_DIR}/data`]);
}

test('findings and the JSON document are the records, written in pieces; the CSV row by row', async () => {
  const report = await bundledReport();
  const findings = report.detections.flatMap((o) => [...o.findings]);
  assert.ok(findings.length > 20);
  for (const finding of findings) {
    assert.equal(findingJson(finding), JSON.stringify(findingRecord(finding)));
    // Another detection's finding of the same row, right after (its fields' JSON is reused).
    const sameRow = { ...(findings[0] as (typeof findings)[number]), fields: finding.fields };
    assert.equal(findingJson(sameRow), JSON.stringify(findingRecord(sameRow)));
    for (const fields of ROWS) {
      const odd = { ...finding, fields, events: [fields] };
      assert.equal(findingJson(odd), JSON.stringify(findingRecord(odd)));
    }
  }
  const options = {
    inputs: [],
    riskOut: undefined,
    rowsPerDetection: 50,
    drilldownsPerDetection: 2,
    details: loadEventDetails().details,
  };
  const pieces: string[] = [];
  createHuntOutput('json', (t) => pieces.push(t), options).end(report);
  const json = pieces.join('');
  assert.deepEqual(JSON.parse(json), reportRecord(report));
  // Risk totals and incidents are written one by one, never as one text of them all.
  assert.ok(report.risk.totals.length > 1 && report.risk.incidents.length > 0);
  const objects = (piece: string) => piece.split('"risk_object"').length - 1;
  assert.equal(Math.max(...pieces.map(objects)), 1);
  assert.ok(json.includes('"drilldowns":['));
  const lines: string[] = [];
  createHuntOutput('csv', (t) => lines.push(t), options).end(report);
  assert.ok(lines.every((line) => line.endsWith('\r\n')));
  assert.equal((parse(lines.join('')) as string[][]).length, findings.length + 1);
  assert.equal(lines.length, findings.length + 1, 'a header, then one piece per finding');
});
