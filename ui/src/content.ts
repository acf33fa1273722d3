// The content as the Detections, Incidents and ATT&CK pages read it (/api/ui/content), and the
// saved searches of live detection (/services/saved/searches), joined by saved-search name.
import type { ContentAnswer, ContentDetection } from '../../src/server/ui/ui-api-types.ts';
import { ApiError, getJson, getRest } from './api.ts';

export type { ContentDetection };
export type Content = ContentAnswer;

export type SavedSearch = Record<string, string | number | boolean | null | undefined>;

export interface SavedSearches {
  /** By saved-search name. */
  readonly byName: ReadonlyMap<string, SavedSearch>;
  /** Why there are none (live detection is not running), if so. */
  readonly unavailable?: string;
}

let content: Promise<Content> | undefined;

export function loadContent(): Promise<Content> {
  content ??= getJson<Content>('/api/ui/content');
  return content;
}

export async function loadSavedSearches(): Promise<SavedSearches> {
  try {
    const feed = await getRest<{ entry: { name: string; content: SavedSearch }[] }>(
      'saved/searches',
      { count: '0' },
    );
    return { byName: new Map(feed.entry.map((e) => [e.name, e.content])) };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404)
      return { byName: new Map(), unavailable: e.message };
    throw e;
  }
}

export function isEnabled(detection: ContentDetection, saved: SavedSearches): boolean {
  const s = saved.byName.get(detection.savedSearch);
  return s === undefined ? detection.enabled : s['disabled'] !== true;
}
