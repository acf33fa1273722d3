// The fields of the results with how many rows have each and its top values; a click on a value
// adds `field="value"` to the search.
import { useMemo, useState } from 'preact/hooks';
import type { Row } from '../api.ts';

export interface FieldSummary {
  readonly name: string;
  readonly rows: number;
  readonly distinct: number;
  readonly top: readonly { value: string; count: number }[];
}

export function summarizeFields(rows: readonly Row[]): FieldSummary[] {
  const counts = new Map<string, Map<string, number>>();
  const present = new Map<string, number>();
  for (const row of rows) {
    for (const [field, value] of Object.entries(row)) {
      if (field === '_raw') continue;
      present.set(field, (present.get(field) ?? 0) + 1);
      let values = counts.get(field);
      if (values === undefined) {
        values = new Map();
        counts.set(field, values);
      }
      for (const v of Array.isArray(value) ? value : [value])
        values.set(v, (values.get(v) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([name, values]) => ({
      name,
      rows: present.get(name) ?? 0,
      distinct: values.size,
      top: [...values.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 10)
        .map(([value, count]) => ({ value, count })),
    }))
    .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
}

export function FieldSidebar({
  rows,
  onTerm,
}: {
  rows: readonly Row[];
  onTerm: (field: string, value: string) => void;
}) {
  const fields = useMemo(() => summarizeFields(rows), [rows]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <aside class="field-sidebar" data-testid="field-sidebar">
      <h3>Fields</h3>
      <ul>
        {fields.map((f) => (
          <li key={f.name}>
            <button
              type="button"
              class="field"
              onClick={() => setOpen(open === f.name ? null : f.name)}
            >
              {f.name} <span class="muted">{f.distinct}</span>
            </button>
            {open === f.name && (
              <ul class="top-values" data-field={f.name}>
                {f.top.map((t) => (
                  <li key={t.value}>
                    <button
                      type="button"
                      class="value"
                      title="Add to the search"
                      onClick={() => onTerm(f.name, t.value)}
                    >
                      {t.value}
                    </button>{' '}
                    <span class="muted">
                      {t.count} ({((100 * t.count) / Math.max(1, f.rows)).toFixed(1)}%)
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
