// rex, regex, convert, bin, makemv, mvexpand, spath, xmlkv, fromjson, replace.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { MAX_MATCHES } from '../../../src/spl/operators/regex-option.ts';
import { compile, compileErrors, runPipe } from './run-spl.ts';

const one = (spl: string, event: Event) => runPipe(spl, [event])[0];

describe('rex', () => {
  test('named groups become fields; default field is _raw', () => {
    assert.deepEqual(
      one('rex "user=(?<user>\\w+) id=(?P<id>\\d+)" | table user id', { _raw: 'user=bob id=42' }),
      {
        user: 'bob',
        id: '42',
      },
    );
  });
  test('field= and a literal backslash written as \\\\\\ (ESCU style)', () => {
    assert.deepEqual(
      one('rex field=Image "(?<dir>.+\\\\\\)" | table dir', { Image: 'C:\\Tools\\x.exe' }),
      {
        dir: 'C:\\Tools\\',
      },
    );
  });
  test('max_match=0 collects every match into a multivalue', () => {
    assert.deepEqual(one('rex field=s max_match=0 "(?<d>\\d)" | table d', { s: 'a1b2c3' }), {
      d: ['1', '2', '3'],
    });
  });
  test('max_match=2 stops after two', () => {
    assert.deepEqual(one('rex field=s max_match=2 "(?<d>\\d)" | table d', { s: 'a1b2c3' }), {
      d: ['1', '2'],
    });
  });
  test('no match leaves existing fields alone', () => {
    assert.deepEqual(one('rex field=s "(?<d>\\d)" | table s d', { s: 'abc', d: 'kept' }), {
      s: 'abc',
      d: 'kept',
    });
  });
  test('mode=sed s///g, s///N and y///', () => {
    assert.deepEqual(one('rex field=s mode=sed "s/a/X/g" | table s', { s: 'banana' }), {
      s: 'bXnXnX',
    });
    assert.deepEqual(one('rex field=s mode=sed "s/a/X/2" | table s', { s: 'banana' }), {
      s: 'banXna',
    });
    assert.deepEqual(
      one('rex field=s mode=sed "s/(\\w+)@(\\w+)/\\2 at \\1/" | table s', { s: 'bob@corp' }),
      { s: 'corp at bob' },
    );
    assert.deepEqual(one('rex field=s mode=sed "y/abc/xyz/" | table s', { s: 'aabbcc' }), {
      s: 'xxyyzz',
    });
  });
  test('max_match=0 stops at MAX_MATCHES with a run warning', () => {
    const plan = compile('* | rex field=s max_match=0 "(?<c>.)"');
    const warnings: string[] = [];
    const rows: Event[] = [];
    const run = plan.start({ emit: (b) => rows.push(...b), warn: (d) => warnings.push(d.code) });
    run.push([{ s: 'x'.repeat(MAX_MATCHES + 5) }]);
    run.finish();
    const values = rows[0]?.['c'];
    assert.ok(Array.isArray(values));
    assert.equal(values.length, MAX_MATCHES);
    assert.deepEqual(warnings, ['SPL521']);
  });
  test('offset_field: name=start-end, end inclusive, pairs by name joined by & (Search Reference, rex)', () => {
    const list = { list: 'abcdefghijklmnopqrstuvwxyz' };
    assert.deepEqual(
      one('rex offset_field=off field=list "(?<firstfive>abcde)" | table off', list),
      {
        off: 'firstfive=0-4',
      },
    );
    assert.deepEqual(
      one('rex offset_field=m field=e "(?<username>[^@]+)@(?<domain>[^.]+)" | table m', {
        e: 'amberduke@pyrami.com',
      }),
      { m: 'domain=10-15&username=0-8' },
    );
    // Every match of max_match, in match order within a name; a group not taken has no pair.
    assert.deepEqual(
      one('rex offset_field=o field=s max_match=0 "(?<d>\\d)|(?<x>x)" | table o', { s: 'a1x2' }),
      { o: 'd=1-1&d=3-3&x=2-2' },
    );
    // Characters, not UTF-16 units; no match leaves the field unset.
    assert.deepEqual(one('rex offset_field=o field=s "(?<b>b)" | table o', { s: '😀b' }), {
      o: 'b=1-1',
    });
    assert.deepEqual(one('rex offset_field=o field=s "(?<b>z)" | table s o', { s: 'ab' }), {
      s: 'ab',
    });
  });
  test('offset_field with mode=sed is refused', () => {
    const [d] = compileErrors('* | rex offset_field=o mode=sed "s/a/b/"');
    assert.equal(d?.code, 'SPL503');
  });
  test('_KEY_/_VAL_ groups name fields from the data', () => {
    assert.deepEqual(
      one('rex max_match=0 "(?<_KEY_1>\\w+)=(?<_VAL_1>\\w+)" | table a b', { _raw: 'a=1 b=2' }),
      { a: '1', b: '2' },
    );
  });
});

describe('regex', () => {
  const events: Event[] = [
    { id: '1', p: 'C:\\x\\cmd.exe' },
    { id: '2', p: 'calc.exe' },
    { id: '3' },
  ];
  test('keeps matching rows; != keeps the others, a missing field included', () => {
    assert.deepEqual(runPipe('regex p="(?i)^c:\\\\\\\\" | table id', events), [{ id: '1' }]);
    assert.deepEqual(runPipe('regex p!="(?i)^c:\\\\\\\\" | table id', events), [
      { id: '2' },
      { id: '3' },
    ]);
  });
});

describe('convert', () => {
  test('ctime with the default and a given timeformat; a missing field stays missing', () => {
    assert.deepEqual(
      one('convert ctime(t) ctime(nothing) | table t nothing', { t: 1_700_000_000 }),
      { t: '11/14/2023 22:13:20' },
    );
    assert.deepEqual(
      one('convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(t) AS iso | table t iso', {
        t: '1700000000.5',
      }),
      {
        t: '1700000000.5',
        iso: '2023-11-14T22:13:20',
      },
    );
  });
  test('a value that is not a time stays as it is', () => {
    assert.deepEqual(one('convert ctime(t) | table t', { t: 'soon' }), { t: 'soon' });
  });
  test('mktime, dur2sec, rmcomma, rmunit, memk, num', () => {
    assert.deepEqual(
      one(
        'convert timeformat="%Y-%m-%d" mktime(d) dur2sec(dur) rmcomma(c) rmunit(u) memk(m) num(n) | table d dur c u m n',
        { d: '2023-11-14', dur: '1+01:00:05', c: '1,234', u: '10kb', m: '2m', n: 'x' },
      ),
      { d: 1_699_920_000, dur: 90_005, c: 1234, u: 10, m: 2048 },
    );
  });
  test('mstime: MM:SS.SSS to seconds; seconds alone keep their digits; _time reads to the millisecond', () => {
    assert.deepEqual(
      one('convert mstime(a) mstime(b) mstime(c) | table a b c', {
        a: '01:30.5',
        b: '12.50',
        c: '7',
      }),
      {
        a: 90.5,
        b: '12.50',
        c: 7,
      },
    );
    // Search Reference, convert: mstime(_time) of 17:27:03.790 is 1522196823.790.
    const at = (t: number) => one('convert mstime(_time) AS ms | table _time ms', { _time: t });
    assert.deepEqual(at(1522196823.79), { _time: 1522196823.79, ms: '1522196823.790' });
    assert.deepEqual(at(1522196823), { _time: 1522196823, ms: 1522196823 });
    assert.deepEqual(at(1522196823.000123), { _time: 1522196823.000123, ms: '1522196823.000123' });
    // A conversion that fails leaves _time the number it was.
    assert.deepEqual(one('convert dur2sec(_time) | table _time', { _time: 1.5 }), { _time: 1.5 });
  });
  test('wildcards convert every matching field', () => {
    assert.deepEqual(
      one('convert ctime(*Time) | table firstTime lastTime', { firstTime: 0, lastTime: 60 }),
      {
        firstTime: '01/01/1970 00:00:00',
        lastTime: '01/01/1970 00:01:00',
      },
    );
  });
});

describe('bin', () => {
  test('span on _time floors to the bucket start', () => {
    assert.deepEqual(
      runPipe('bin _time span=5m | table _time', [
        { _time: 1_700_000_123.4 },
        { _time: 1_700_000_400 },
      ]),
      [{ _time: 1_700_000_100 }, { _time: 1_700_000_400 }],
    );
  });
  test('span=1d at midnight, span=1mon at the first of the month, AS alias', () => {
    assert.deepEqual(
      one('bucket _time span=1d AS day | bin _time span=1mon | table day _time', {
        _time: 1_700_000_000,
      }),
      {
        day: 1_699_920_000,
        _time: 1_698_796_800,
      },
    );
  });
  test('a plain span on another field gives a range', () => {
    assert.deepEqual(one('bin size span=10 | table size', { size: '47' }), { size: '40-50' });
  });
  test('refuses bins= (needs every value first)', () => {
    assert.throws(() => runPipe('bin _time bins=10', []), /SPL502/);
  });
});

describe('multivalue and structured commands', () => {
  test('makemv delim and tokenizer; mvexpand', () => {
    assert.deepEqual(one('makemv delim="," v | table v', { v: 'a,b,,c' }), { v: ['a', 'b', 'c'] });
    assert.deepEqual(one('makemv tokenizer="(\\d+)" v | table v', { v: 'x1y22z' }), {
      v: ['1', '22'],
    });
    assert.deepEqual(
      runPipe('mvexpand v | table id v', [
        { id: '1', v: ['a', 'b'] },
        { id: '2' },
        { id: '3', v: 'c' },
      ]),
      [
        { id: '1', v: 'a' },
        { id: '1', v: 'b' },
        { id: '3', v: 'c' },
      ],
    );
  });
  test('spath over JSON: all paths, arrays as {}, and one path', () => {
    const raw = '{"a":{"b":1,"c":[{"d":"x"},{"d":"y"}]},"ok":true}';
    assert.deepEqual(one('spath | table a.b a.c{}.d ok', { _raw: raw }), {
      'a.b': 1,
      'a.c{}.d': ['x', 'y'],
      ok: 'true',
    });
    assert.deepEqual(one('spath input=j path=a.c{}.d output=ds | table ds', { j: raw }), {
      ds: ['x', 'y'],
    });
  });
  test('spath over XML: element paths and {@attribute}', () => {
    const raw =
      "<Event><System><EventID>1</EventID><Provider Name='Sysmon'/></System><EventData><Data Name='Image'>C:\\a.exe</Data><Data Name='User'>u &amp; v</Data></EventData></Event>";
    assert.deepEqual(
      one('spath | table Event.System.EventID Event.System.Provider{@Name} Event.EventData.Data', {
        _raw: raw,
      }),
      {
        'Event.System.EventID': '1',
        'Event.System.Provider{@Name}': 'Sysmon',
        'Event.EventData.Data': ['C:\\a.exe', 'u & v'],
      },
    );
  });
  test('xmlkv names fields by tag; fromjson takes top-level keys', () => {
    assert.deepEqual(
      one('xmlkv | table EventID Data', {
        _raw: "<Event><EventID>4</EventID><Data Name='a'>x</Data><Data>y</Data></Event>",
      }),
      {
        EventID: '4',
        Data: ['x', 'y'],
      },
    );
    assert.deepEqual(
      one('fromjson j prefix=p_ | table p_a p_b p_c', {
        j: '{"a":1,"b":[1,"x"],"c":{"d":2},"n":null}',
      }),
      {
        p_a: 1,
        p_b: [1, 'x'],
        p_c: '{"d":2}',
      },
    );
  });
  test('replace: exact and wildcard values, IN fields', () => {
    assert.deepEqual(
      one('replace "*localhost" WITH "localhost", "a" WITH "b" IN host | table host other', {
        host: 'web.localhost',
        other: 'a',
      }),
      {
        host: 'localhost',
        other: 'a',
      },
    );
    assert.deepEqual(one('replace "* there" WITH "there *" | table g', { g: 'hi there' }), {
      g: 'there hi',
    });
  });
});
