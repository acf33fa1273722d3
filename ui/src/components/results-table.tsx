// The results table: a column per field, sortable by a click on its header (numbers as numbers),
// paged. Every value is a text node: what an event says is shown, never interpreted.
import { useMemo, useState } from 'preact/hooks';
import { type Row, valueText } from '../api.ts';

const PAGE = 50;

function compare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a.localeCompare(b);
}

export function ResultsTable({
  fields,
  rows,
}: {
  fields: readonly string[];
  rows: readonly Row[];
}) {
  const [sort, setSort] = useState<{ field: string; descending: boolean } | null>(null);
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => {
    if (sort === null) return rows;
    const out = [...rows].sort((r, s) =>
      compare(valueText(r[sort.field]), valueText(s[sort.field])),
    );
    return sort.descending ? out.reverse() : out;
  }, [rows, sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * PAGE, current * PAGE + PAGE);
  return (
    <div class="results">
      <table data-testid="results-table">
        <thead>
          <tr>
            {fields.map((f) => (
              <th key={f}>
                <button
                  type="button"
                  class="sort"
                  onClick={() =>
                    setSort({ field: f, descending: sort?.field === f ? !sort.descending : false })
                  }
                >
                  {f}
                  {sort?.field === f ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={current * PAGE + i}>
              {fields.map((f) => (
                <td key={f}>{valueText(row[f])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={current} pages={pages} total={sorted.length} onPage={setPage} />
    </div>
  );
}

export function Pager({
  page,
  pages,
  total,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) return <p class="muted">{total} rows</p>;
  return (
    <p class="pager">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        ‹ Prev
      </button>{' '}
      page {page + 1} of {pages} ({total} rows){' '}
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        Next ›
      </button>
    </p>
  );
}
