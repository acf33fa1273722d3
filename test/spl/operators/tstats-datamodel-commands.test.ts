// `| datamodel <model> <dataset> search|flat` and `| from datamodel:<model>.<dataset>`: a dataset's events as rows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { runTstats, spanned, sysmon, tstatsErrors } from './tstats-helpers.ts';

const EVENTS: readonly Event[] = [
  { ...sysmon(1, 100, { process_name: 'cmd.exe', user: 'corp\\a' }), _raw: '<Event>1</Event>' },
  sysmon(1, 200, { process_name: 'cmd.exe', user: '' }),
  sysmon(3, 300, { dest: '10.0.0.1' }),
];

describe('datamodel command', () => {
  test('search mode: the dataset events with prefixed fields', () => {
    const { rows } = runTstats(
      '| datamodel Endpoint Processes search | stats count by Processes.user',
      EVENTS,
    );
    assert.deepEqual(rows, [
      { 'Processes.user': 'corp\\a', count: 1 },
      { 'Processes.user': 'unknown', count: 1 },
    ]);
  });

  test('flat mode: plain field names; the event keeps _time, host, source, sourcetype and _raw', () => {
    const { rows } = runTstats(
      '| datamodel Endpoint Processes flat | table _time host sourcetype process_name user _raw',
      EVENTS,
    );
    assert.deepEqual(rows, [
      {
        _time: 100,
        host: 'ws1',
        sourcetype: 'XmlWinEventLog',
        process_name: 'cmd.exe',
        user: 'corp\\a',
        _raw: '<Event>1</Event>',
      },
      {
        _time: 200,
        host: 'ws1',
        sourcetype: 'XmlWinEventLog',
        process_name: 'cmd.exe',
        user: 'unknown',
      },
    ]);
  });

  const refused: readonly [string, string, string][] = [
    ['| datamodel', 'SPL545', 'datamodel'],
    ['| datamodel Endpoint Processes', 'SPL545', 'datamodel'],
    [
      '| datamodel Endpoint Processes acceleration_search_string',
      'SPL545',
      'acceleration_search_string',
    ],
    ['| datamodel Endpoint Nope search', 'SPL540', 'Endpoint Nope'],
  ];
  for (const [spl, code, under] of refused) {
    test(`${spl}: ${code}`, () => {
      const [d] = tstatsErrors(spl);
      assert.equal(d?.code, code, d?.message);
      assert.equal(spanned(d), under);
    });
  }
});

describe('from datamodel', () => {
  for (const spl of [
    '| from datamodel:Endpoint.Processes',
    '| from datamodel Endpoint.Processes',
  ]) {
    test(`${spl}: plain names`, () => {
      const { rows } = runTstats(`${spl} | stats count by process_name`, EVENTS);
      assert.deepEqual(rows, [{ process_name: 'cmd.exe', count: 2 }]);
    });
  }

  test('an unknown dataset is located under its name', () => {
    const [d] = tstatsErrors('| from datamodel:Nope.Nope');
    assert.equal(d?.code, 'SPL540');
    assert.equal(spanned(d), 'Nope.Nope');
  });
});
