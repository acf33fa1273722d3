// The ATT&CK page: the tactics in kill-chain order and under each the techniques the content
// covers, coloured by how many enabled detections cover it and by what fired in the time range
// (risk events' annotations.mitre_attack). Technique names from the project's ATT&CK table.
import { useEffect, useState } from 'preact/hooks';
import { runSearch, type TimeRange, valueText } from '../api.ts';
import { TimeRangePicker } from '../components/time-range-picker.tsx';
import {
  type Content,
  isEnabled,
  loadContent,
  loadSavedSearches,
  type SavedSearches,
} from '../content.ts';
import { searchLink } from './data-page.tsx';

interface Cell {
  readonly id: string;
  readonly name: string;
  readonly tactics: Set<string>;
  readonly enabled: string[];
  readonly disabled: string[];
}

export function AttackPage() {
  const [range, setRange] = useState<TimeRange>({ earliest: '', latest: '' });
  const [content, setContent] = useState<Content | null>(null);
  const [saved, setSaved] = useState<SavedSearches | null>(null);
  const [fired, setFired] = useState<ReadonlyMap<string, number>>(new Map());
  const [error, setError] = useState('');
  useEffect(() => {
    loadContent()
      .then(setContent)
      .catch((e: unknown) => setError(String(e)));
    loadSavedSearches()
      .then(setSaved)
      .catch((e: unknown) => setError(String(e)));
  }, []);
  useEffect(() => {
    runSearch('index=risk | stats count by annotations.mitre_attack', range, 10_000)
      .then((r) =>
        setFired(
          new Map(
            r.rows.map((row) => [
              valueText(row['annotations.mitre_attack']).toUpperCase(),
              Number(valueText(row['count'])),
            ]),
          ),
        ),
      )
      .catch((e: unknown) => setError(String(e)));
  }, [range]);
  if (error) return <p class="error">{error}</p>;
  if (content === null || saved === null) return <p class="loading">Loading…</p>;
  const cells = new Map<string, Cell>();
  for (const t of content.matrix) {
    cells.set(t.id, {
      id: t.id,
      name: t.name,
      tactics: new Set(t.tactics),
      enabled: [],
      disabled: [],
    });
  }
  for (const d of content.detections) {
    for (const t of d.techniques) {
      let cell = cells.get(t.id);
      if (cell !== undefined && cell.name === '' && t.name !== '') {
        cell = { ...cell, name: t.name };
        cells.set(t.id, cell);
      }
      if (cell === undefined) {
        cell = { id: t.id, name: t.name, tactics: new Set(), enabled: [], disabled: [] };
        cells.set(t.id, cell);
      }
      for (const tactic of t.tactics) cell.tactics.add(tactic);
      (isEnabled(d, saved) ? cell.enabled : cell.disabled).push(d.name);
    }
  }
  const peak = Math.max(1, ...fired.values());
  return (
    <div data-testid="attack-page">
      <p>
        <TimeRangePicker value={range} onChange={setRange} />
        <span class="legend">
          <span class="technique fired3">fired</span>{' '}
          <span class="technique covered">covered, quiet</span>{' '}
          <span class="technique uncovered">no enabled detection</span>
        </span>
        <span class="muted"> technique names: {content.catalog}</span>
      </p>
      <div class="matrix">
        {content.tactics.map((tactic) => (
          <div class="tactic" key={tactic}>
            <h3>{tactic}</h3>
            {[...cells.values()]
              .filter((c) => c.tactics.has(tactic))
              .sort((a, b) => a.id.localeCompare(b.id))
              .map((c) => {
                const count = fired.get(c.id) ?? 0;
                const heat =
                  count === 0
                    ? ''
                    : `fired${Math.ceil((3 * Math.log1p(count)) / Math.log1p(peak))}`;
                const kind = count > 0 ? heat : c.enabled.length > 0 ? 'covered' : 'uncovered';
                return (
                  <a
                    key={c.id}
                    class={`technique ${kind}`}
                    data-technique={c.id}
                    title={[...c.enabled, ...c.disabled.map((n) => `${n} (disabled)`)].join('\n')}
                    href={searchLink(
                      `index=risk ${`annotations.mitre_attack="${c.id}"`}`,
                      range.earliest,
                      range.latest,
                    )}
                  >
                    <strong>{c.id}</strong> {c.name}
                    <div class="count">
                      {c.enabled.length} enabled
                      {c.disabled.length > 0 ? `, ${c.disabled.length} off` : ''}; {count} risk
                      events
                    </div>
                  </a>
                );
              })}
          </div>
        ))}
      </div>
    </div>
  );
}
