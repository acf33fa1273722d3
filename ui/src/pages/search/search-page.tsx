// The Search page: the SPL editor, the time range, the histogram of matching events, the events
// and the results table, the field sidebar (a value click refines the search), export and recent
// searches. `#/search?q=<spl>&earliest=&latest=` opens it with a search and runs it (drilldowns).
import type { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ParseAnswer } from '../../../../src/server/ui/ui-api-types.ts';
import { getJson, postJson, type Results, runSearch, type TimeRange } from '../../api.ts';
import { EventsList } from '../../components/events-list.tsx';
import { FieldSidebar } from '../../components/field-sidebar.tsx';
import { TimeChart } from '../../components/histogram.tsx';
import { ResultsTable } from '../../components/results-table.tsx';
import { rangeLabel, TimeRangePicker } from '../../components/time-range-picker.tsx';
import { download } from '../../download.ts';
import { resultsCsv } from '../../export-results.ts';
import { type RecentSearch, recentSearches, rememberSearch } from '../../recent-searches.ts';
import { searchTerm, withTerm } from '../../search-text.ts';
import type { Vocabulary } from '../../spl-editor/spl-completion.ts';
import {
  createSplEditor,
  type EditorDiagnostic,
  setEditorText,
} from '../../spl-editor/spl-editor.ts';
import { DiagnosticsView } from './diagnostics-view.tsx';
import { type Histogram, histogram } from './histogram-search.ts';

const MAX_ROWS = 10_000;

let vocabulary: Vocabulary | undefined;

export function SearchPage({ params }: { params: URLSearchParams }) {
  const initial = params.get('q') ?? '';
  const [range, setRange] = useState<TimeRange>({
    earliest: params.get('earliest') ?? '',
    latest: params.get('latest') ?? '',
  });
  const text = useRef(initial);
  const editor = useRef<EditorView | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const [diagnostics, setDiagnostics] = useState<{
    text: string;
    found: readonly EditorDiagnostic[];
  }>({ text: '', found: [] });
  const [results, setResults] = useState<Results | null>(null);
  const [chart, setChart] = useState<Histogram | undefined>(undefined);
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);
  const [tab, setTab] = useState<'events' | 'results'>('results');
  const [recent, setRecent] = useState<RecentSearch[]>(recentSearches());
  const [showRecent, setShowRecent] = useState(false);
  const running$ = useRef<AbortController | null>(null);
  const fields = useRef<readonly string[]>([]);
  const rangeRef = useRef(range);
  rangeRef.current = range;

  const run = async (spl = text.current, timeRange = rangeRef.current) => {
    if (spl.trim() === '') return;
    running$.current?.abort();
    const controller = new AbortController();
    running$.current = controller;
    setRunning(true);
    setError('');
    setRecent(rememberSearch(spl, timeRange));
    try {
      const parsed = await postJson<ParseAnswer>('/api/ui/parse', {
        spl,
        earliest: timeRange.earliest,
        latest: timeRange.latest,
      });
      setDiagnostics({ text: spl, found: parsed.diagnostics });
      if (parsed.bounds === undefined) {
        setResults(null);
        setChart(undefined);
        return;
      }
      const [found, counted] = await Promise.all([
        runSearch(spl, timeRange, MAX_ROWS, controller.signal),
        histogram(spl, timeRange, parsed.bounds, controller.signal).catch(() => undefined),
      ]);
      if (controller.signal.aborted) return;
      fields.current = found.fields;
      setResults(found);
      setChart(counted);
      setTab(found.rows.some((r) => r['_raw'] !== undefined) ? 'events' : 'results');
    } catch (e) {
      if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (running$.current === controller) setRunning(false);
    }
  };

  useEffect(() => {
    if (vocabulary === undefined) {
      getJson<Vocabulary>('/api/ui/vocabulary').then((v) => {
        vocabulary = v;
      });
    }
    if (host.current === null) return;
    const view = createSplEditor({
      parent: host.current,
      doc: initial,
      onChange: (t) => {
        text.current = t;
      },
      onRun: () => void run(),
      check: async (t) =>
        (
          await postJson<ParseAnswer>('/api/ui/parse', {
            spl: t,
            earliest: rangeRef.current.earliest,
            latest: rangeRef.current.latest,
          })
        ).diagnostics,
      onDiagnostics: (t, found) => setDiagnostics({ text: t, found }),
      vocabulary: () => vocabulary,
      fields: () => fields.current,
    });
    editor.current = view;
    if (initial.trim() !== '') void run(initial);
    return () => {
      running$.current?.abort();
      view.destroy();
    };
  }, [initial]);

  const addTerm = (field: string, value: string) => {
    const next = withTerm(text.current, searchTerm(field, value));
    text.current = next;
    if (editor.current) setEditorText(editor.current, next);
    void run(next);
  };

  const series = useMemo(() => (chart ? [{ label: 'events', values: chart.counts }] : []), [chart]);
  const total = chart?.counts.reduce((a, b) => a + b, 0);

  return (
    <div class="search-page">
      <div class="search-bar">
        <div class="editor" ref={host} />
        <TimeRangePicker
          value={range}
          onChange={(r) => {
            setRange(r);
            rangeRef.current = r;
            void run(text.current, r);
          }}
        />
        <button
          type="button"
          class="primary"
          data-testid="run-search"
          onClick={() => void run()}
          disabled={running}
        >
          {running ? 'Searching…' : 'Search'}
        </button>
        <button type="button" onClick={() => setShowRecent(!showRecent)}>
          Recent
        </button>
      </div>
      {showRecent && (
        <ul class="recent" data-testid="recent-searches">
          {recent.map((r) => (
            <li key={r.at}>
              <button
                type="button"
                class="link"
                onClick={() => {
                  text.current = r.spl;
                  if (editor.current) setEditorText(editor.current, r.spl);
                  setRange({ earliest: r.earliest, latest: r.latest });
                  setShowRecent(false);
                  void run(r.spl, r);
                }}
              >
                {r.spl}
              </button>{' '}
              <span class="muted">{rangeLabel(r)}</span>
            </li>
          ))}
        </ul>
      )}
      <DiagnosticsView text={diagnostics.text} diagnostics={diagnostics.found} />
      {error && (
        <pre class="error" role="alert">
          {error}
        </pre>
      )}
      {chart && (
        <section class="histogram" data-testid="histogram" data-total={String(total ?? 0)}>
          <p class="muted">
            {total} matching events{chart.span ? `, ${chart.span} per bar` : ''}
          </p>
          <TimeChart
            times={chart.times}
            series={series}
            range={chart.range}
            testId="histogram-chart"
          />
        </section>
      )}
      {results && (
        <div class="results-area">
          <FieldSidebar rows={results.rows} onTerm={addTerm} />
          <section class="results-main">
            <div class="tabs">
              <button
                type="button"
                class={tab === 'events' ? 'active' : ''}
                onClick={() => setTab('events')}
              >
                Events
              </button>
              <button
                type="button"
                class={tab === 'results' ? 'active' : ''}
                onClick={() => setTab('results')}
              >
                Results ({results.rows.length})
              </button>
              <span class="spacer" />
              <span class="muted">
                {results.status.scanCount} events scanned, {results.status.runDuration.toFixed(2)} s
              </span>
              <button
                type="button"
                onClick={() =>
                  download('results.csv', 'text/csv', resultsCsv(results.fields, results.rows))
                }
              >
                Export CSV
              </button>
              <button
                type="button"
                onClick={() =>
                  download(
                    'results.json',
                    'application/json',
                    JSON.stringify(results.rows, null, 1),
                  )
                }
              >
                Export JSON
              </button>
            </div>
            {results.messages
              .filter((m) => m.type !== 'DEBUG')
              .map((m, i) => (
                <p key={i} class={`message ${m.type.toLowerCase()}`}>
                  {m.type}: {m.text}
                </p>
              ))}
            {results.rows.length >= MAX_ROWS && (
              <p class="message warn">Showing the first {MAX_ROWS} results.</p>
            )}
            {tab === 'events' ? (
              <EventsList rows={results.rows} onTerm={addTerm} />
            ) : (
              <ResultsTable fields={results.fields} rows={results.rows} />
            )}
          </section>
        </div>
      )}
    </div>
  );
}
