// transaction (Search Reference, transaction): grouping by fields, spans, start/end conditions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { runPipe } from './run-spl.ts';

const EVENTS: Event[] = [
  { _time: 100, user: 'a', EventCode: '4720', _raw: 'created a' },
  { _time: 130, user: 'b', EventCode: '4720' },
  { _time: 160, user: 'a', EventCode: '4726', _raw: 'deleted a' },
  { _time: 900, user: 'a', EventCode: '4720' },
  { _time: 950, host: 'x' },
];

describe('transaction', () => {
  test('groups by field; maxspan closes a transaction; newest first; duration and eventcount', () => {
    assert.deepEqual(
      runPipe(
        'transaction user maxspan=5m | table _time user EventCode duration eventcount closed_txn',
        EVENTS,
      ),
      [
        { _time: 900, user: 'a', EventCode: '4720', duration: 0, eventcount: 1, closed_txn: 1 },
        { _time: 130, user: 'b', EventCode: '4720', duration: 0, eventcount: 1, closed_txn: 1 },
        {
          _time: 100,
          user: 'a',
          EventCode: ['4720', '4726'],
          duration: 60,
          eventcount: 2,
          closed_txn: 1,
        },
      ],
    );
  });
  test('startswith/endswith: only complete transactions unless keepevicted=true', () => {
    const spl = 'transaction user startswith=(EventCode=4720) endswith=(EventCode=4726)';
    assert.deepEqual(runPipe(`${spl} | table user duration _raw`, EVENTS), [
      { user: 'a', duration: 60, _raw: 'created a\ndeleted a' },
    ]);
    assert.equal(runPipe(`${spl} keepevicted=true`, EVENTS).length, 3);
  });
  test('maxpause splits at a long gap; events are taken in time order whatever the input order', () => {
    assert.deepEqual(
      runPipe('transaction user maxpause=1m | table user eventcount', [...EVENTS].reverse()),
      [
        { user: 'a', eventcount: 1 },
        { user: 'b', eventcount: 1 },
        { user: 'a', eventcount: 2 },
      ],
    );
  });
});
