// The content as the Detections, Incidents and ATT&CK pages read it (/api/ui/content), and the
// saved searches of live detection (/services/saved/searches), joined by saved-search name.
import { ApiError, getJson, getRest } from './api.ts';

export interface ContentDetection {
  readonly kind: 'spl' | 'sigma';
  readonly name: string;
  readonly savedSearch: string;
  readonly id: string | null;
  readonly type: string;
  readonly level: string | null;
  readonly enabled: boolean;
  readonly description: string;
  readonly search: string | null;
  readonly techniques: readonly { id: string; name: string; tactics: readonly string[] }[];
  readonly dataSources: readonly string[];
  readonly tests: readonly { name: string; kind: string; attackData: readonly string[] }[];
  readonly drilldowns: readonly {
    name: string;
    search: string;
    earliest: string | null;
    latest: string | null;
  }[];
  readonly file: string;
}

export interface Content {
  readonly detections: readonly ContentDetection[];
  readonly tactics: readonly string[];
}

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
