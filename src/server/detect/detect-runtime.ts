// What the detect role's parts (scheduler, Sigma stream, alert actions, the REST and UI
// functions) work with: the store, the writer their output goes through, the search role's entry
// point, the content, a clock and a log. Their state is in the store; what is here is wiring.
import type { Workspace } from '../../engine/index.ts';
import type { DetectConfig } from '../config/detect-config-schema.ts';
import type {
  IndexSearchDeps,
  IndexSearchRequest,
  SearchOutput,
} from '../search/search-context.ts';
import type { EventStore } from '../store/event-store.ts';
import type { DetectClock } from './detect-clock.ts';
import type { DetectWriter } from './output/detect-writer.ts';
import type { SavedSearch } from './saved-searches.ts';

export type RunIndexSearch = (
  request: IndexSearchRequest,
  deps: IndexSearchDeps,
  output: SearchOutput,
) => Promise<void>;

export interface DetectRuntime {
  readonly store: Pick<
    EventStore,
    'checkpoint' | 'checkpoints' | 'query' | 'partitionRows' | 'readRows' | 'setting' | 'putSetting'
  >;
  readonly writer: DetectWriter;
  readonly clock: DetectClock;
  readonly config: DetectConfig;
  /** The saved searches of the running content version. */
  searches(): readonly SavedSearch[];
  /** The running content version. */
  workspace(): Workspace;
  /** Saved searches turned off (kept in the store). */
  disabled(): Promise<ReadonlySet<string>>;
  readonly runSearch: RunIndexSearch;
  readonly searchDeps: Omit<IndexSearchDeps, 'workspace'>;
  /** Rows of one run turned into findings at most (limits.maxResultRows). */
  readonly maxResultRows: number;
  log(line: string): void;
}

/** The store setting holding the disabled saved searches' names (a JSON list). */
export const DISABLED_SETTING = 'detect.disabled';

export async function readDisabled(store: Pick<EventStore, 'setting'>): Promise<Set<string>> {
  const text = await store.setting(DISABLED_SETTING);
  if (text === undefined) return new Set();
  const parsed: unknown = JSON.parse(text);
  return new Set(
    Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [],
  );
}
