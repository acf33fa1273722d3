// A detection's drilldown searches filled from one risk event, as ES fills them from a notable:
// `%original_detection_search%` is the detection's search, `$field$` the event's value (`*` when
// it has none), and the offsets `$info_min_time$`/`$info_max_time$` the detection's window
// around the event (its info_min_time/info_max_time when it carries them), `7d` a span before it.
import type { Row } from './api.ts';
import type { ContentDetection } from './content.ts';

export interface FilledDrilldown {
  readonly name: string;
  readonly search: string;
  readonly earliest: string;
  readonly latest: string;
}

const SPAN = /^(\d+)([smhdw])$/;
const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

function value(row: Row, field: string): string | undefined {
  const v = row[field];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v[0] : v;
}

function offset(text: string | null, row: Row, time: number, side: 'earliest' | 'latest'): string {
  if (text === null || text === '') return '';
  if (text === '$info_min_time$') return String(Number(value(row, 'info_min_time') ?? time - 3600));
  if (text === '$info_max_time$') return String(Number(value(row, 'info_max_time') ?? time + 1));
  if (text === '0') return side === 'latest' ? '' : String(time);
  const span = SPAN.exec(text);
  if (span) return String(Math.floor(time - Number(span[1]) * (SECONDS[span[2] ?? 's'] ?? 1)));
  return text;
}

export function fillDrilldowns(
  detection: ContentDetection,
  row: Row,
  time: number,
): FilledDrilldown[] {
  const fill = (text: string) =>
    text
      .replace(/%original_detection_search%/g, detection.search ?? '')
      .replace(/\$([A-Za-z_][\w.]*)\$/g, (_, field: string) => value(row, field) ?? '*');
  return detection.drilldowns.map((d) => ({
    name: fill(d.name),
    search: fill(d.search),
    earliest: offset(d.earliest, row, time, 'earliest'),
    latest: offset(d.latest, row, time, 'latest'),
  }));
}
