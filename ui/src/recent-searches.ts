// The last searches run in this browser (search text and time range), newest first, kept in
// localStorage: at most 20, a repeated search moves to the top.
import type { TimeRange } from './api.ts';

const KEY = 'spelunk.recent-searches';
const MAX = 20;

export interface RecentSearch extends TimeRange {
  readonly spl: string;
  readonly at: number;
}

export function recentSearches(): RecentSearch[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r): r is RecentSearch =>
        typeof r === 'object' &&
        r !== null &&
        typeof r.spl === 'string' &&
        typeof r.earliest === 'string' &&
        typeof r.latest === 'string',
    );
  } catch {
    return [];
  }
}

export function rememberSearch(spl: string, range: TimeRange): RecentSearch[] {
  const entry: RecentSearch = {
    spl,
    earliest: range.earliest,
    latest: range.latest,
    at: Date.now(),
  };
  const list = [entry, ...recentSearches().filter((r) => r.spl !== spl)].slice(0, MAX);
  localStorage.setItem(KEY, JSON.stringify(list));
  return list;
}
