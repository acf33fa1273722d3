// Search results in the output modes of splunkd's results endpoints: json, json_rows, json_cols
// and csv. Values are text as splunkd writes them (numbers as Splunk prints them, `_time` as
// `2024-05-01T08:00:00.000+00:00`, multivalues as arrays); internal fields other than `_time` and
// `_raw` are left out.
import type { Event } from '../../core/index.ts';
import { ColumnCollector, formatValues, isShown, renderCsv } from '../../engine/index.ts';
import type { JobMessage } from '../search/search-job.ts';
import { RestError } from './rest-errors.ts';

export const RESULT_MODES = ['json', 'json_rows', 'json_cols', 'csv'] as const;
export type ResultMode = (typeof RESULT_MODES)[number];

export function resultMode(value: string | undefined, fallback: ResultMode): ResultMode {
  if (value === undefined) return fallback;
  if ((RESULT_MODES as readonly string[]).includes(value)) return value as ResultMode;
  throw new RestError(
    400,
    `output_mode=${value.slice(0, 20)} is not supported: spelunk answers ${RESULT_MODES.join(', ')}`,
  );
}

/** A row's value as splunkd writes it in JSON: text, or a list of text. */
export function jsonValue(field: string, value: Event[string]): string | string[] | undefined {
  const values = formatValues(field, value);
  if (values.length === 0) return undefined;
  return Array.isArray(value) ? values : values[0];
}

export function jsonResult(row: Event): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of Object.keys(row)) {
    if (!isShown(key)) continue;
    const value = jsonValue(key, row[key]);
    if (value !== undefined)
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}

export interface ResultsBody {
  readonly contentType: string;
  readonly text: string;
}

export function formatResults(
  mode: ResultMode,
  rows: readonly Event[],
  offset: number,
  messages: readonly JobMessage[],
): ResultsBody {
  const columns = new ColumnCollector();
  columns.add(rows);
  const fields = columns.columns;
  const head = { preview: false, init_offset: offset, messages };
  switch (mode) {
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', text: renderCsv(fields, rows) };
    case 'json':
      return json({
        ...head,
        fields: fields.map((name) => ({ name })),
        results: rows.map(jsonResult),
        highlighted: {},
      });
    case 'json_rows':
      return json({
        ...head,
        fields,
        rows: rows.map((row) => fields.map((f) => jsonValue(f, row[f]) ?? null)),
      });
    case 'json_cols':
      return json({
        ...head,
        fields,
        columns: fields.map((f) => rows.map((row) => jsonValue(f, row[f]) ?? null)),
      });
  }
}

function json(body: unknown): ResultsBody {
  return { contentType: 'application/json; charset=utf-8', text: JSON.stringify(body) };
}
