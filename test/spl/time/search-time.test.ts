// Time modifiers in search clauses are bounds on _time, never field filters; plans carry the window.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { compileSpl } from '../../../src/spl/plan/compile-spl.ts';
import { timeBoundsToRead } from '../../../src/spl/time/index.ts';
import { compile, compileErrors, runSpl } from '../operators/run-spl.ts';

/** 2023-11-14T22:13:20Z, a Tuesday; run-spl's default now. */
const NOW = 1_700_000_000;
const HOUR = 3600;
const DAY = 86_400;

/** One event per offset from now (in seconds), named by its offset. */
const eventsAt = (...offsets: number[]): Event[] =>
  offsets.map((o) => ({ _time: NOW + o, _raw: `t=${o}`, offset: String(o), index: 'main' }));

const kept = (spl: string, events: Event[]) => runSpl(spl, events).map((row) => row['offset']);

describe('time modifiers filter _time', () => {
  const events = eventsAt(-10 * DAY, -2 * DAY, -DAY, -DAY + 1, -HOUR, -1, 0, HOUR);

  test('earliest is inclusive; latest defaults to now, exclusive', () => {
    assert.deepEqual(kept('index=main earliest=-24h', events), [
      `${-DAY}`,
      `${-DAY + 1}`,
      `${-HOUR}`,
      '-1',
    ]);
  });

  test('latest is exclusive; an explicit latest beyond now keeps future events', () => {
    assert.deepEqual(kept('earliest=-2d latest=-1d', events), [`${-2 * DAY}`]);
    assert.deepEqual(kept('earliest=-1h latest=+1d', events), [`${-HOUR}`, '-1', '0', `${HOUR}`]);
  });

  test('earliest=-30y keeps old events (the issue-16 report: it was a field filter)', () => {
    assert.equal(kept('earliest=-30y', events).length, 6);
  });

  test('the old modifiers: starthoursago and endhoursago, after a pipe too (ESCU drilldowns)', () => {
    assert.deepEqual(kept('index=main starthoursago=48 endhoursago=1', events), [
      `${-2 * DAY}`,
      `${-DAY}`,
      `${-DAY + 1}`,
    ]);
    assert.deepEqual(
      kept('index=main | search index=main starthoursago=48 endhoursago=1', events),
      [`${-2 * DAY}`, `${-DAY}`, `${-DAY + 1}`],
    );
    assert.deepEqual(kept('daysago=1', events), [`${-DAY}`, `${-DAY + 1}`, `${-HOUR}`, '-1']);
    assert.deepEqual(kept('startdaysago=3 enddaysago=1', events), [`${-2 * DAY}`]);
    assert.deepEqual(kept('startminutesago=60', events), [`${-HOUR}`, '-1']);
    assert.deepEqual(kept(`starttimeu=${NOW - HOUR} endtimeu=${NOW}`, events), [`${-HOUR}`, '-1']);
  });

  test('starttime and endtime read timeformat (default %m/%d/%Y:%H:%M:%S)', () => {
    // 11/14/2023:21:13:20 is NOW - 1h
    assert.deepEqual(kept('starttime=11/14/2023:21:13:20 endtime=11/14/2023:22:13:20', events), [
      `${-HOUR}`,
      '-1',
    ]);
    assert.deepEqual(
      kept('timeformat=%Y-%m-%dT%H:%M:%S earliest=2023-11-14T21:13:20 latest=now', events),
      [`${-HOUR}`, '-1'],
    );
  });

  test('several windows with OR, and comparisons as the Search Reference writes them', () => {
    assert.deepEqual(kept('(earliest=-2d latest=-1d) OR (earliest=-1h latest=now)', events), [
      `${-2 * DAY}`,
      `${-HOUR}`,
      '-1',
    ]);
    // "the last 24 hours but omit the events from Midnight to 1:00 A.M.": now is 22:13, so
    // -24h@d... here -24h = yesterday 22:13; @d = today 00:00.
    const day = eventsAt(-DAY + 60, -22 * HOUR, -21 * HOUR - 1800, -20 * HOUR, -HOUR);
    assert.deepEqual(kept('((earliest=-24h latest<@d) OR (earliest>=@d+1h))', day), [
      `${-DAY + 60}`,
      `${-20 * HOUR}`,
      `${-HOUR}`,
    ]);
  });

  test('NOT reverses a time condition', () => {
    assert.deepEqual(kept('NOT earliest=-1h latest=+1y', events), [
      `${-10 * DAY}`,
      `${-2 * DAY}`,
      `${-DAY}`,
      `${-DAY + 1}`,
    ]);
  });

  test('earliest=0 is all time', () => {
    assert.equal(kept('earliest=0 latest=+1y', eventsAt(-1e9, 0)).length, 2);
  });

  test('a field named like a modifier is not read; a quoted name is a field filter', () => {
    const events2 = [{ ...eventsAt(-HOUR)[0], earliest: 'x' }];
    assert.deepEqual(kept('earliest=-2h', events2), [`${-HOUR}`]);
    assert.deepEqual(kept('"earliest"=x', events2), [`${-HOUR}`]);
    assert.deepEqual(kept('"earliest"=y', events2), []);
  });

  test('_index_earliest tests _indextime; events read from files count as indexed now', () => {
    const indexed = [
      { ...eventsAt(-DAY)[0], _indextime: NOW - DAY },
      { ...eventsAt(-HOUR)[0], _indextime: NOW - 60 },
      eventsAt(-2 * HOUR)[0] as Event,
    ];
    assert.deepEqual(kept('_index_earliest=-5m', indexed), [`${-HOUR}`, `${-2 * HOUR}`]);
  });

  test('relative_time() takes the same syntax', () => {
    const [row] = runSpl(
      '| makeresults | eval a=relative_time(now(), "-7d@w1"), b=relative_time(now(), "11/15/2022:20:00:00")',
      [],
    );
    assert.equal(row?.['a'], 1_699_228_800);
    assert.equal(row?.['b'], 1_668_542_400);
  });
});

describe('bad time modifiers are located errors', () => {
  const cases: [string, string, RegExp][] = [
    ['index=x earliest=yesterday', 'earliest=yesterday', /not a time/],
    ['index=x latest=rt', 'latest=rt', /real-time/],
    ['index=x earliest!=-1d', 'earliest!=-1d', /not !=/],
    ['index=x earliest IN (-1d, -2d)', 'earliest IN (-1d, -2d)', /not a list/],
    ['index=x searchtimespandays=1', 'searchtimespandays=1', /not supported/],
    ['index=x starthoursago=1.5', 'starthoursago=1.5', /whole number/],
    ['| makeresults | eval t=relative_time(now(), "-1x")', '"-1x"', /not a time unit/],
  ];
  for (const [spl, at, message] of cases) {
    test(spl, () => {
      const [d] = compileErrors(spl);
      assert.ok(d);
      assert.match(d.message, message);
      assert.equal(spl.slice(d.span?.start, d.span?.end), at);
    });
  }
  test('codes', () => {
    assert.equal(compileErrors('earliest=bad')[0]?.code, 'SPL402');
  });
});

describe('plans carry their time window', () => {
  test('the leading search', () => {
    assert.deepEqual(compile('index=x earliest=-24h@h').timeBounds, {
      earliest: 1_699_912_800,
      latest: NOW,
    });
    assert.deepEqual(compile('index=x earliest=-2d latest=-1d').timeBounds, {
      earliest: NOW - 2 * DAY,
      latest: NOW - DAY,
    });
    assert.deepEqual(compile('index=x starthoursago=168 endhoursago=1').timeBounds, {
      earliest: NOW - 168 * HOUR,
      latest: NOW - HOUR,
    });
    assert.deepEqual(compile('(earliest=-2d latest=-1d) OR (earliest=-1h latest=now)').timeBounds, {
      earliest: NOW - 2 * DAY,
      latest: NOW,
    });
    assert.deepEqual(compile('index=x (earliest=-2d OR host=a) latest=-1d').timeBounds, {
      latest: NOW - DAY,
    });
    assert.deepEqual(compile('index=x latest<=-1d').timeBounds.latest !== undefined, true);
    assert.ok((compile('index=x latest<=-1d').timeBounds.latest as number) > NOW - DAY);
    assert.deepEqual(compile('index=x NOT earliest=-1d latest=now').timeBounds, { latest: NOW });
    assert.deepEqual(compile('index=x').timeBounds, {});
    assert.deepEqual(compile('| makeresults').timeBounds, {});
    assert.deepEqual(compile('index=x _index_earliest=-1h').indexTimeBounds, {
      earliest: NOW - HOUR,
    });
  });

  test('tstats WHERE sets the window of the events it reads', () => {
    const result = compileSpl('| tstats count where index=x earliest=-1h', { now: NOW });
    if (result.ok) assert.deepEqual(result.value.timeBounds, { earliest: NOW - HOUR, latest: NOW });
  });

  test('the plan reads _time when it has a window', () => {
    const fields = compile('index=x earliest=-1h | table host').fields;
    assert.ok(fields !== 'all' && fields.has('_time'));
  });

  const events = eventsAt(-2 * DAY, -HOUR, -1);
  const withRange = (spl: string, earliest: string, latest?: string) => {
    const result = compileSpl(spl, {
      now: NOW,
      timeRange: { earliest, ...(latest ? { latest } : {}) },
    });
    assert.ok(result.ok, result.ok ? '' : result.diagnostics.map((d) => d.message).join());
    const rows: Event[] = [];
    const run = result.value.start({ emit: (batch) => rows.push(...batch) });
    run.push(events);
    run.finish();
    return { plan: result.value, offsets: rows.map((r) => r['offset']) };
  };

  test('a time range from outside applies when the search has none, and the run drops the rest', () => {
    const { plan, offsets } = withRange('index=main', '-1d', 'now');
    assert.deepEqual(plan.timeBounds, { earliest: NOW - DAY, latest: NOW });
    assert.deepEqual(offsets, [`${-HOUR}`, '-1']);
    assert.deepEqual(withRange('| stats count', '-1d').offsets, [undefined]);
    assert.equal(runCount('| stats count', '-1d'), 2);
  });

  test("the search's own modifiers override it (Search Reference: they override the time range picker)", () => {
    const { plan, offsets } = withRange('index=main earliest=-3d', '-1d', '-1h');
    assert.deepEqual(plan.timeBounds, { earliest: NOW - 3 * DAY, latest: NOW });
    assert.deepEqual(offsets, [`${-2 * DAY}`, `${-HOUR}`, '-1']);
  });

  test('subsearches take the range unless they have their own; timeBoundsToRead covers both', () => {
    const result = compileSpl(
      'index=main | join offset [search index=main earliest=-3d | eval joined=1]',
      {
        now: NOW,
        timeRange: { earliest: '-1d' },
      },
    );
    assert.ok(result.ok);
    assert.deepEqual(result.value.timeBounds, { earliest: NOW - DAY });
    assert.deepEqual(timeBoundsToRead(result.value), { earliest: NOW - 3 * DAY });
  });

  test('a bad time range is an error naming its side', () => {
    const result = compileSpl('index=x', { timeRange: { earliest: 'soon' } });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.diagnostics[0]?.code, 'SPL403');
      assert.match(result.diagnostics[0]?.message ?? '', /earliest/);
    }
  });

  function runCount(spl: string, earliest: string): unknown {
    const result = compileSpl(spl, { now: NOW, timeRange: { earliest } });
    assert.ok(result.ok);
    const rows: Event[] = [];
    const run = result.value.start({ emit: (batch) => rows.push(...batch) });
    run.push(events);
    run.finish();
    return rows[0]?.['count'];
  }
});
