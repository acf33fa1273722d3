// The indexes a server holds: the four every server has and those the config adds, each with its
// retention (Splunk's defaults: frozenTimePeriodInSecs = 188697600 s, maxTotalDataSizeMB = 500000).
import type { IndexConfig } from './config/config-schema.ts';
import type { RetentionPolicy } from './store/event-store.ts';

/** `internal`: the detect role's scheduler runs, alerts and alert deliveries (Splunk's `_internal`). */
/** Indexes a wildcard (`index=*`) does not reach, as Splunk's `_internal`. */
export const INTERNAL_INDEXES: ReadonlySet<string> = new Set(['internal']);

export const BUILTIN_INDEXES = ['main', 'wineventlog', 'risk', 'notable', 'internal'] as const;

const DEFAULT_MAX_AGE_SECONDS = 188_697_600;
const DEFAULT_MAX_BYTES = 500_000 * 1024 * 1024;

export class IndexRegistry {
  readonly policies: readonly RetentionPolicy[];
  private readonly names: ReadonlySet<string>;

  constructor(configured: readonly IndexConfig[]) {
    const byName = new Map<string, RetentionPolicy>();
    for (const name of BUILTIN_INDEXES) {
      byName.set(name, {
        index: name,
        maxAgeSeconds: DEFAULT_MAX_AGE_SECONDS,
        maxBytes: DEFAULT_MAX_BYTES,
      });
    }
    for (const index of configured) {
      byName.set(index.name, {
        index: index.name,
        maxAgeSeconds: index.maxAge ?? DEFAULT_MAX_AGE_SECONDS,
        maxBytes: index.maxSize ?? DEFAULT_MAX_BYTES,
      });
    }
    this.policies = [...byName.values()];
    this.names = new Set(byName.keys());
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  all(): string[] {
    return [...this.names].sort();
  }
}
