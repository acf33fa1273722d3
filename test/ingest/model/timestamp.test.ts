import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTimestamp } from '../../../src/ingest/model/timestamp.ts';

test('timestamps Windows telemetry and Splunk exports write', () => {
  const cases: readonly (readonly [string, number | undefined])[] = [
    ['2021-09-22T13:18:31.589696800Z', 1632316711.589696],
    ['2021-09-22T13:18:31.5896968Z', 1632316711.589696],
    ['2021-09-22T13:18:31.5Z', 1632316711.5],
    ['2021-09-22T13:18:31Z', 1632316711],
    ['2021-09-22 13:18:31.147', 1632316711.147],
    ['2021-09-22T13:18:31.000+02:00', 1632309511],
    ['2021-09-22T13:18:31-0130', 1632322111],
    ['2019-04-27T15:57:25.868+00:00', 1556380645.868],
    ['2021-09-22T13:18:31.5896968-01:30', 1632322111.589696],
    ['2021-09-22T00:18:31+02:00', 1632262711],
    ['2021-09-22T13:18:31.+02:00', undefined],
    ['2021-09-22T13:18:31+02:60', undefined],
    ['2021-09-22T13:18:31.5x+02:00', undefined],
    ['2021-09-22 13:18:31.147 UTC', 1632316711.147],
    ['2020-02-29T00:00:00Z', 1582934400],
    ['1632316711.589', 1632316711.589],
    ['  2021-09-22T13:18:31Z  ', 1632316711],
    ['2021-02-29T00:00:00Z', undefined],
    ['2021-13-01T00:00:00Z', undefined],
    ['2021-09-22T24:00:00Z', undefined],
    ['2021-09-22T13:18:31.Z', undefined],
    ['2021-09-22T13:18:31+25:00', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(parseTimestamp(text), expected, text);
});
