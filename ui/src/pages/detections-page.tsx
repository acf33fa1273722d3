// The Detections page: every detection with its type, level, ATT&CK techniques, data sources,
// schedule, last run and risk events raised; a detection's own page (#/detections?name=) shows
// its search, its tests and its run history, and turns it on or off.
import { useEffect, useState } from 'preact/hooks';
import { getRest, postForm, type Row, runSearch } from '../api.ts';
import {
  type Content,
  type ContentDetection,
  isEnabled,
  loadContent,
  loadSavedSearches,
  type SavedSearches,
} from '../content.ts';
import { searchLink } from './data-page.tsx';

function when(seconds: unknown): string {
  return typeof seconds === 'number'
    ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
    : '';
}

function schedule(saved: SavedSearches, d: ContentDetection): string {
  const s = saved.byName.get(d.savedSearch);
  if (s === undefined) return '';
  if (s['spelunk.kind'] === 'streaming') return 'on every event';
  return `${s['cron_schedule'] ?? ''} (${s['dispatch.earliest_time'] ?? ''} to ${s['dispatch.latest_time'] ?? ''})`;
}

export function DetectionsPage({ params }: { params: URLSearchParams }) {
  const [content, setContent] = useState<Content | null>(null);
  const [saved, setSaved] = useState<SavedSearches | null>(null);
  const [riskBySearch, setRisk] = useState<ReadonlyMap<string, number>>(new Map());
  const [error, setError] = useState('');
  const refresh = () =>
    loadSavedSearches()
      .then(setSaved)
      .catch((e: unknown) => setError(String(e)));

  useEffect(() => {
    loadContent()
      .then(setContent)
      .catch((e: unknown) => setError(String(e)));
    void refresh();
    runSearch('index=risk | stats count by search_name', { earliest: '', latest: '' }, 10_000)
      .then((r) =>
        setRisk(new Map(r.rows.map((row) => [String(row['search_name']), Number(row['count'])]))),
      )
      .catch(() => {});
  }, []);

  if (error) return <p class="error">{error}</p>;
  if (content === null || saved === null) return <p class="loading">Loading…</p>;
  const name = params.get('name');
  const selected =
    name === null ? undefined : content.detections.find((d) => d.savedSearch === name);
  if (selected) return <DetectionPage detection={selected} saved={saved} onChange={refresh} />;
  return (
    <div data-testid="detections-page">
      <h2>Detections ({content.detections.length})</h2>
      {saved.unavailable && <p class="message warn">Live detection: {saved.unavailable}</p>}
      <table>
        <thead>
          <tr>
            <th>detection</th>
            <th>type</th>
            <th>ATT&CK</th>
            <th>data sources</th>
            <th>schedule</th>
            <th>last run</th>
            <th>risk events</th>
            <th>enabled</th>
          </tr>
        </thead>
        <tbody>
          {content.detections.map((d) => {
            const s = saved.byName.get(d.savedSearch);
            return (
              <tr key={d.savedSearch}>
                <td>
                  <a
                    href={`#/detections?${new URLSearchParams({ name: d.savedSearch }).toString()}`}
                  >
                    {d.name}
                  </a>
                </td>
                <td>
                  {d.type}
                  {d.level ? ` (${d.level})` : ''}
                </td>
                <td>
                  {d.techniques.map((t) => `${t.id}${t.name ? ` ${t.name}` : ''}`).join('\n')}
                </td>
                <td>{d.dataSources.join('\n')}</td>
                <td>{schedule(saved, d)}</td>
                <td>
                  {s?.['spelunk.last_run.status']
                    ? `${s['spelunk.last_run.status']} ${when(s['spelunk.last_run.scheduled_time'])}, ${s['spelunk.last_run.result_count'] ?? 0} results`
                    : ''}
                </td>
                <td class="num">{riskBySearch.get(d.savedSearch) ?? 0}</td>
                <td>{isEnabled(d, saved) ? 'yes' : 'no'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function DetectionPage({
  detection,
  saved,
  onChange,
}: {
  detection: ContentDetection;
  saved: SavedSearches;
  onChange: () => Promise<void>;
}) {
  const [history, setHistory] = useState<readonly Row[] | null>(null);
  const [error, setError] = useState('');
  const s = saved.byName.get(detection.savedSearch);
  const path = `saved/searches/${encodeURIComponent(detection.savedSearch)}`;
  useEffect(() => {
    if (s === undefined) return;
    getRest<{ entry: { content: Row }[] }>(`${path}/history`, { count: '50' })
      .then((feed) => setHistory(feed.entry.map((e) => e.content)))
      .catch((e: unknown) => setError(String(e)));
  }, [detection.savedSearch]);
  const toggle = async () => {
    setError('');
    try {
      await postForm(`${path}/${isEnabled(detection, saved) ? 'disable' : 'enable'}`, {
        output_mode: 'json',
      });
      await onChange();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="detection-page" data-testid="detection-page">
      <p>
        <a href="#/detections">‹ Detections</a>
      </p>
      <h2>{detection.name}</h2>
      <p class="muted">
        {detection.type}
        {detection.level ? `, level ${detection.level}` : ''},{' '}
        {detection.techniques.map((t) => t.id).join(', ')}; {detection.file}
      </p>
      <p>{detection.description}</p>
      {s && (
        <p>
          {isEnabled(detection, saved) ? 'Enabled' : 'Disabled'}; schedule{' '}
          {schedule(saved, detection)}{' '}
          <button type="button" data-testid="toggle-detection" onClick={() => void toggle()}>
            {isEnabled(detection, saved) ? 'Disable' : 'Enable'}
          </button>
        </p>
      )}
      {error && <p class="error">{error}</p>}
      {detection.search && (
        <>
          <h3>Search</h3>
          <pre class="spl">{detection.search}</pre>
          <a href={searchLink(detection.search)}>Open in Search</a>
        </>
      )}
      <h3>Tests</h3>
      {detection.tests.length === 0 ? (
        <p class="muted">none</p>
      ) : (
        <ul>
          {detection.tests.map((t) => (
            <li key={t.name}>
              {t.name} <span class="muted">({t.kind})</span>: {t.attackData.join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h3>Run history</h3>
      {history === null ? (
        <p class="muted">{s === undefined ? 'not running live' : 'Loading…'}</p>
      ) : (
        <table data-testid="run-history">
          <thead>
            <tr>
              <th>scheduled</th>
              <th>status</th>
              <th>window</th>
              <th>results</th>
              <th>risk events</th>
              <th>run time</th>
              <th>reason</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={String(h['sid'])}>
                <td>{when(Number(h['scheduled_time']))}</td>
                <td>{String(h['status'] ?? '')}</td>
                <td>
                  {when(Number(h['earliest_time']))} – {when(Number(h['latest_time']))}
                </td>
                <td class="num">{String(h['result_count'] ?? '')}</td>
                <td class="num">{String(h['risk_event_count'] ?? '')}</td>
                <td class="num">
                  {h['run_time'] === undefined ? '' : `${Number(h['run_time']).toFixed(2)} s`}
                </td>
                <td>{String(h['reason'] ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
