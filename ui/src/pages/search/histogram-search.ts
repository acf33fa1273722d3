// The histogram above the results: the events the leading search clause matches, counted per
// bucket over the search's time window (the data's own range when the window is open).
import { getRest, runSearch, type TimeRange } from '../../api.ts';
import { histogramSpan, isGenerating, leadingSearchEnd } from '../../search-text.ts';

export interface Histogram {
  readonly times: number[];
  readonly counts: number[];
  readonly span: string;
  /** The window counted over, epoch seconds. */
  readonly range: readonly [number, number];
}

interface IndexFeed {
  readonly entry: { content: { minTime: string; maxTime: string } }[];
}

async function dataRange(): Promise<{ earliest?: number; latest?: number }> {
  const feed = await getRest<IndexFeed>('data/indexes');
  const mins = feed.entry.map((e) => Date.parse(e.content.minTime)).filter(Number.isFinite);
  const maxs = feed.entry.map((e) => Date.parse(e.content.maxTime)).filter(Number.isFinite);
  return {
    ...(mins.length > 0 ? { earliest: Math.min(...mins) / 1000 } : {}),
    ...(maxs.length > 0 ? { latest: Math.max(...maxs) / 1000 + 1 } : {}),
  };
}

export async function histogram(
  spl: string,
  range: TimeRange,
  bounds: { earliest?: number; latest?: number },
  signal: AbortSignal,
): Promise<Histogram | undefined> {
  if (isGenerating(spl)) return undefined;
  const data =
    bounds.earliest === undefined || bounds.latest === undefined ? await dataRange() : {};
  const earliest = Math.max(bounds.earliest ?? -Infinity, data.earliest ?? -Infinity);
  const latest = Math.min(bounds.latest ?? Infinity, data.latest ?? Infinity);
  if (!Number.isFinite(earliest) || !Number.isFinite(latest) || latest <= earliest) {
    return { times: [], counts: [], span: '', range: [0, 1] };
  }
  const span = histogramSpan(latest - earliest);
  const base = spl.slice(0, leadingSearchEnd(spl)).trim();
  const results = await runSearch(
    `${base} | bin _time span=${span.text} | stats count by _time`,
    range,
    10_000,
    signal,
  );
  const points = results.rows
    .map((r) => ({ time: Date.parse(String(r['_time'])) / 1000, count: Number(r['count']) }))
    .filter((p) => Number.isFinite(p.time))
    .sort((a, b) => a.time - b.time);
  return {
    times: points.map((p) => p.time),
    counts: points.map((p) => p.count),
    span: span.text,
    range: [Math.floor(earliest / span.seconds) * span.seconds, latest],
  };
}
