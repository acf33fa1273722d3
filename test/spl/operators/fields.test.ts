// table, fields, rename, fillnull, eval, where (Search Reference for each command).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { runPipe } from './run-spl.ts';

const EVENTS: Event[] = [
  { _time: 1, _raw: 'r1', host: 'a', proc_name: 'x.exe', proc_id: '4', user: 'u1' },
  { _time: 2, _raw: 'r2', host: 'b', proc_name: 'y.exe', size: '3' },
];

const cases: [string, string, Event[]][] = [
  [
    'table keeps only the listed fields, in the listed order',
    'table user, host',
    [{ user: 'u1', host: 'a' }, { host: 'b' }],
  ],
  [
    'table wildcards take matching fields in row order; internal fields only when listed',
    'table proc_* _time',
    [
      { proc_name: 'x.exe', proc_id: '4', _time: 1 },
      { proc_name: 'y.exe', _time: 2 },
    ],
  ],
  [
    'fields keeps the listed fields and the internal ones',
    'fields user host',
    [
      { user: 'u1', host: 'a', _time: 1, _raw: 'r1' },
      { host: 'b', _time: 2, _raw: 'r2' },
    ],
  ],
  [
    'fields - removes fields, wildcards included',
    'fields - proc_* _raw',
    [
      { _time: 1, host: 'a', user: 'u1' },
      { _time: 2, host: 'b', size: '3' },
    ],
  ],
  [
    'rename keeps the column position; a missing source makes the target null',
    'rename host AS computer, nothing AS user | table *',
    [
      { _time: 1, _raw: 'r1', computer: 'a', proc_name: 'x.exe', proc_id: '4' },
      { _time: 2, _raw: 'r2', computer: 'b', proc_name: 'y.exe', size: '3' },
    ],
  ],
  [
    'rename with wildcards moves the matched part',
    'rename proc_* AS process_* | table process_*',
    [{ process_name: 'x.exe', process_id: '4' }, { process_name: 'y.exe' }],
  ],
  [
    'fillnull with no field list fills every field some result has, with 0',
    'fillnull | table host user size',
    [
      { host: 'a', user: 'u1', size: '0' },
      { host: 'b', user: '0', size: '3' },
    ],
  ],
  [
    'fillnull with a list and value= creates listed fields',
    'fillnull value=NA user missing | table user missing',
    [
      { user: 'u1', missing: 'NA' },
      { user: 'NA', missing: 'NA' },
    ],
  ],
  [
    'eval assigns in order, a null result removes the field',
    'eval a=1, b=a+1, user=null() | table a b user',
    [
      { a: 1, b: 2 },
      { a: 1, b: 2 },
    ],
  ],
  [
    'where keeps rows where the expression is true (null is not true)',
    'where size > 2 | table host',
    [{ host: 'b' }],
  ],
];

describe('field commands', () => {
  for (const [name, spl, expected] of cases) {
    test(name, () => assert.deepEqual(runPipe(spl, EVENTS), expected));
  }
});
