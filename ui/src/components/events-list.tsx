// The events view: each event's time and `_raw`, expandable to its fields. `_raw` and every field
// value are text nodes: a CommandLine holding `<img src=x onerror=...>` shows those characters.
import { useState } from 'preact/hooks';
import { type Row, valueText } from '../api.ts';
import { Pager } from './results-table.tsx';

const PAGE = 20;

export function EventsList({
  rows,
  onTerm,
}: {
  rows: readonly Row[];
  onTerm: (field: string, value: string) => void;
}) {
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  const toggle = (i: number) => {
    const next = new Set(open);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    setOpen(next);
  };
  return (
    <div class="events" data-testid="events-list">
      {rows.slice(current * PAGE, current * PAGE + PAGE).map((row, k) => {
        const i = current * PAGE + k;
        const fields = Object.keys(row)
          .filter((f) => f !== '_raw' && f !== '_time')
          .sort();
        return (
          <div class="event" key={i}>
            <button
              type="button"
              class="expand"
              aria-expanded={open.has(i)}
              onClick={() => toggle(i)}
            >
              {open.has(i) ? '▾' : '▸'}
            </button>
            <span class="time">{valueText(row['_time'])}</span>
            <pre class="raw">{valueText(row['_raw'])}</pre>
            {open.has(i) && (
              <table class="fields">
                <tbody>
                  {fields.map((f) => (
                    <tr key={f}>
                      <th>{f}</th>
                      <td>
                        <button
                          type="button"
                          class="value"
                          onClick={() => onTerm(f, valueText(row[f]))}
                        >
                          {valueText(row[f])}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
      <Pager page={current} pages={pages} total={rows.length} onPage={setPage} />
    </div>
  );
}
