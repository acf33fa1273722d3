// The Incidents page: entities ranked by the risk raised on them in a time range (index=risk),
// the risk notables raised; an entity's page (#/incidents?object=) draws its risk building up over
// time and lists each contributing risk event with its detection's drilldown searches, one click
// from the Search page.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Results, type Row, runSearch, type TimeRange, valueText } from '../api.ts';
import { TimeChart } from '../components/histogram.tsx';
import { ResultsTable } from '../components/results-table.tsx';
import { TimeRangePicker } from '../components/time-range-picker.tsx';
import { type Content, loadContent } from '../content.ts';
import { fillDrilldowns } from '../drilldown.ts';
import { searchTerm } from '../search-text.ts';
import { searchLink } from './data-page.tsx';

const RANKED =
  'index=risk | stats sum(risk_score) as risk_score count as risk_events dc(search_name) as detections min(_time) as first_time max(_time) as last_time by risk_object risk_object_type | sort - risk_score';

function epochText(value: Row[string] | undefined): string {
  const seconds = Number(valueText(value));
  return Number.isFinite(seconds) && valueText(value) !== ''
    ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
    : valueText(value);
}

export function IncidentsPage({ params }: { params: URLSearchParams }) {
  const [range, setRange] = useState<TimeRange>({
    earliest: params.get('earliest') ?? '',
    latest: params.get('latest') ?? '',
  });
  const object = params.get('object');
  if (object !== null) return <EntityPage object={object} range={range} />;
  return <Ranked range={range} setRange={setRange} />;
}

function Ranked({ range, setRange }: { range: TimeRange; setRange: (r: TimeRange) => void }) {
  const [ranked, setRanked] = useState<Results | null>(null);
  const [notables, setNotables] = useState<Results | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setError('');
    runSearch(RANKED, range, 1000)
      .then(setRanked)
      .catch((e: unknown) => setError(String(e)));
    runSearch(
      'index=notable notable_type=risk_incident | table _time risk_object risk_object_type risk_score contributing_search_name',
      range,
      1000,
    )
      .then(setNotables)
      .catch(() => setNotables(null));
  }, [range]);
  return (
    <div data-testid="incidents-page">
      <p>
        <TimeRangePicker value={range} onChange={setRange} />
      </p>
      {error && <p class="error">{error}</p>}
      <h2>Entities by risk</h2>
      {ranked === null ? (
        <p class="loading">Loading…</p>
      ) : (
        <table data-testid="entities">
          <thead>
            <tr>
              <th>entity</th>
              <th>type</th>
              <th>risk score</th>
              <th>risk events</th>
              <th>detections</th>
              <th>first</th>
              <th>last</th>
            </tr>
          </thead>
          <tbody>
            {ranked.rows.map((r) => (
              <tr key={`${valueText(r['risk_object'])}\u0000${valueText(r['risk_object_type'])}`}>
                <td>
                  <a
                    href={`#/incidents?${new URLSearchParams({ object: valueText(r['risk_object']), earliest: range.earliest, latest: range.latest }).toString()}`}
                  >
                    {valueText(r['risk_object'])}
                  </a>
                </td>
                <td>{valueText(r['risk_object_type'])}</td>
                <td class="num">{valueText(r['risk_score'])}</td>
                <td class="num">{valueText(r['risk_events'])}</td>
                <td class="num">{valueText(r['detections'])}</td>
                <td>{epochText(r['first_time'])}</td>
                <td>{epochText(r['last_time'])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Risk notables</h2>
      {notables && notables.rows.length > 0 ? (
        <ResultsTable fields={notables.fields} rows={notables.rows} />
      ) : (
        <p class="muted">none in this range</p>
      )}
    </div>
  );
}

const SHOWN = [
  '_time',
  'search_name',
  'risk_score',
  'risk_message',
  'info_min_time',
  'info_max_time',
];

/** The risk event fields the page shows and those the content's drilldowns name (`$user$`). */
function riskFields(content: Content): string[] {
  const tokens = content.detections.flatMap((d) =>
    d.drilldowns.flatMap((x) =>
      [...`${x.name} ${x.search}`.matchAll(/\$([A-Za-z_][\w.]*)\$/g)].map((m) => m[1] ?? ''),
    ),
  );
  return [...new Set([...SHOWN, ...tokens])].filter((f) => f !== '');
}

function EntityPage({ object, range }: { object: string; range: TimeRange }) {
  const [events, setEvents] = useState<readonly Row[] | null>(null);
  const [content, setContent] = useState<Content | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    loadContent()
      .then((c) => {
        setContent(c);
        // Only the fields shown and those the drilldowns fill: the store reads just these columns.
        return runSearch(
          `index=risk ${searchTerm('risk_object', object)} | sort _time | table ${riskFields(c).join(' ')}`,
          range,
          10_000,
        );
      })
      .then((r) => setEvents(r.rows))
      .catch((e: unknown) => setError(String(e)));
  }, [object, range]);
  const chart = useMemo(() => {
    if (events === null) return null;
    let total = 0;
    const times: number[] = [];
    const values: number[] = [];
    for (const e of events) {
      total += Number(valueText(e['risk_score'])) || 0;
      times.push(Date.parse(valueText(e['_time'])) / 1000);
      values.push(total);
    }
    return { times, series: [{ label: 'cumulative risk', values }] };
  }, [events]);
  return (
    <div data-testid="entity-page">
      <p>
        <a
          href={`#/incidents?${new URLSearchParams({ earliest: range.earliest, latest: range.latest }).toString()}`}
        >
          ‹ Incidents
        </a>
      </p>
      <h2>{object}</h2>
      {error && <p class="error">{error}</p>}
      {chart && chart.times.length > 0 && (
        <TimeChart
          times={chart.times}
          series={chart.series}
          height={160}
          testId="risk-timeline"
          kind="steps"
        />
      )}
      {events === null ? (
        <p class="loading">Loading…</p>
      ) : (
        <table data-testid="risk-events">
          <thead>
            <tr>
              <th>time</th>
              <th>detection</th>
              <th>score</th>
              <th>message</th>
              <th>drilldowns</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => {
              const name = valueText(e['search_name']);
              const detection = content?.detections.find((d) => d.savedSearch === name);
              const time = Date.parse(valueText(e['_time'])) / 1000;
              return (
                <tr key={i}>
                  <td>{valueText(e['_time'])}</td>
                  <td>{name}</td>
                  <td class="num">{valueText(e['risk_score'])}</td>
                  <td>{valueText(e['risk_message'])}</td>
                  <td>
                    {detection &&
                      fillDrilldowns(detection, e, time).map((d) => (
                        <div key={d.name}>
                          <a class="drilldown" href={searchLink(d.search, d.earliest, d.latest)}>
                            {d.name}
                          </a>
                        </div>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
