// The Data page: indexes; hosts, sources, sourcetypes and EventCodes with counts; events over time
// by sourcetype; the ingest rate; which detections can fire on the data present and what the
// others lack. A value links to a search of it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, runSearch } from '../api.ts';
import { TimeChart } from '../components/histogram.tsx';
import { histogramSpan, searchTerm } from '../search-text.ts';

interface GroupRow {
  readonly value: string;
  readonly count: number;
  readonly firstTime?: number;
  readonly lastTime?: number;
}

interface DataAnswer {
  readonly indexes: readonly {
    name: string;
    events: number;
    rawBytes: number;
    diskBytes: number;
    partitions: number;
    minTime?: number;
    maxTime?: number;
  }[];
  readonly groups: Readonly<Record<string, readonly GroupRow[]>>;
  readonly inexact: Readonly<Record<string, string>>;
  readonly ingest: {
    readonly minutes: readonly { time: number; events: number }[];
    readonly lastMinute: number;
  };
  readonly coverage: readonly {
    id: string;
    name: string;
    canFire: boolean;
    missing: readonly string[];
  }[];
}

function when(seconds: number | undefined): string {
  return seconds === undefined ? '' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function searchLink(spl: string, earliest = '', latest = ''): string {
  const params = new URLSearchParams({ q: spl, earliest, latest });
  return `#/search?${params.toString()}`;
}

export function DataPage() {
  const [data, setData] = useState<DataAnswer | null>(null);
  const [error, setError] = useState('');
  const [overTime, setOverTime] = useState<{
    times: number[];
    series: { label: string; values: (number | null)[] }[];
  } | null>(null);

  useEffect(() => {
    getJson<DataAnswer>('/api/ui/data')
      .then(async (answer) => {
        setData(answer);
        const mins = answer.indexes.flatMap((i) => (i.minTime === undefined ? [] : [i.minTime]));
        const maxs = answer.indexes.flatMap((i) => (i.maxTime === undefined ? [] : [i.maxTime]));
        if (mins.length === 0) return;
        const span = histogramSpan(Math.max(...maxs) + 1 - Math.min(...mins));
        const result = await runSearch(
          `index=* | timechart span=${span.text} count by sourcetype`,
          { earliest: '', latest: '' },
          10_000,
        );
        const columns = result.fields.filter((f) => f !== '_time' && !f.startsWith('_'));
        setOverTime({
          times: result.rows.map((r) => Date.parse(String(r['_time'])) / 1000),
          series: columns.map((c) => ({
            label: c,
            values: result.rows.map((r) => Number(r[c] ?? 0)),
          })),
        });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const ingest = useMemo(
    () =>
      data
        ? {
            times: data.ingest.minutes.map((m) => m.time),
            series: [
              { label: 'events per minute', values: data.ingest.minutes.map((m) => m.events) },
            ],
          }
        : null,
    [data],
  );

  if (error) return <p class="error">{error}</p>;
  if (data === null) return <p class="loading">Loading…</p>;
  const canFire = data.coverage.filter((c) => c.canFire).length;
  return (
    <div class="data-page" data-testid="data-page">
      <h2>Indexes</h2>
      <table>
        <thead>
          <tr>
            <th>index</th>
            <th>events</th>
            <th>raw MB</th>
            <th>disk MB</th>
            <th>partitions</th>
            <th>first event</th>
            <th>last event</th>
          </tr>
        </thead>
        <tbody>
          {data.indexes.map((i) => (
            <tr key={i.name}>
              <td>
                <a href={searchLink(`index=${i.name}`)}>{i.name}</a>
              </td>
              <td class="num">{i.events}</td>
              <td class="num">{(i.rawBytes / 1048576).toFixed(1)}</td>
              <td class="num">{(i.diskBytes / 1048576).toFixed(1)}</td>
              <td class="num">{i.partitions}</td>
              <td>{when(i.minTime)}</td>
              <td>{when(i.maxTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Events over time by sourcetype</h2>
      {overTime ? (
        <TimeChart
          times={overTime.times}
          series={overTime.series}
          height={180}
          testId="data-over-time"
        />
      ) : (
        <p class="muted">Counting…</p>
      )}
      <h2>Ingest rate (this server process, last hour)</h2>
      <p class="muted">{data.ingest.lastMinute} events in the last full minute</p>
      {ingest && <TimeChart times={ingest.times} series={ingest.series} height={100} />}
      <div class="groups">
        {Object.entries(data.groups).map(([field, rows]) => (
          <section key={field}>
            <h3>{field}</h3>
            <table>
              <thead>
                <tr>
                  <th>{field}</th>
                  <th>events</th>
                  <th>last event</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.value}>
                    <td>
                      <a href={searchLink(`index=* ${searchTerm(field, r.value)}`)}>{r.value}</a>
                    </td>
                    <td class="num">{r.count}</td>
                    <td>{when(r.lastTime)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        {Object.entries(data.inexact).map(([field, reason]) => (
          <p key={field} class="message warn">
            {field}: not counted in the store ({reason})
          </p>
        ))}
      </div>
      <h2>
        Detections and the data ({canFire} of {data.coverage.length} can fire)
      </h2>
      <table data-testid="coverage">
        <thead>
          <tr>
            <th>detection</th>
            <th>can fire</th>
            <th>what the data lacks</th>
          </tr>
        </thead>
        <tbody>
          {data.coverage.map((c) => (
            <tr key={c.id} class={c.canFire ? '' : 'cannot'}>
              <td>{c.name}</td>
              <td>{c.canFire ? 'yes' : 'no'}</td>
              <td>{c.missing.join('; or ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
