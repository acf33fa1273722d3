// A lookup definition: how a named lookup is backed and how its rows are matched (transforms.conf).
import type { Diagnostic } from '../../core/index.ts';

/** How a lookup column's values are compared with event values (`match_type` in transforms.conf). */
export type LookupMatchType = 'exact' | 'wildcard' | 'cidr';

/** Where a lookup's rows come from. */
export type LookupBacking =
  /** A CSV file, found by name in the lookup directories. */
  | { readonly kind: 'file'; readonly filename: string }
  /**
   * A KV-store collection. There is no KV store here; ESCU ships these as empty collections that
   * baselines fill, so they read as an empty table with the declared columns.
   */
  | { readonly kind: 'collection'; readonly collection: string; readonly fields: readonly string[] }
  /** Something that cannot exist without Splunk (an external script, a model): refused on use. */
  | { readonly kind: 'unsupported'; readonly what: string };

export interface LookupDefinition {
  readonly name: string;
  readonly backing: LookupBacking;
  /** Columns matched by wildcard or CIDR; every other column matches exactly. */
  readonly matchTypes: ReadonlyMap<string, Exclude<LookupMatchType, 'exact'>>;
  /** `case_sensitive_match`; Splunk's default is true. */
  readonly caseSensitive: boolean;
  /** `max_matches`: matched rows kept per input value, in file order (Splunk: 1-1000, default 100). */
  readonly maxMatches: number;
  /** `min_matches`: below this many matches, `defaultMatch` fills the output fields. */
  readonly minMatches: number;
  /** `default_match`; undefined leaves the output fields null. */
  readonly defaultMatch: string | undefined;
  /** Where it was defined: `lookups/x.yml`, `transforms.conf:12`, or `file x.csv`. */
  readonly origin: string;
}

/** Splunk's documented defaults for a lookup with no time field (Knowledge Manager manual, "Add field matching rules"). */
export const LOOKUP_DEFAULTS = {
  caseSensitive: true,
  maxMatches: 100,
  minMatches: 0,
} as const;

/** A definition for a bare CSV file used by name (`| lookup users.csv ...`). */
export function fileLookupDefinition(filename: string): LookupDefinition {
  return {
    name: filename,
    backing: { kind: 'file', filename },
    matchTypes: new Map(),
    caseSensitive: LOOKUP_DEFAULTS.caseSensitive,
    maxMatches: LOOKUP_DEFAULTS.maxMatches,
    minMatches: LOOKUP_DEFAULTS.minMatches,
    defaultMatch: undefined,
    origin: `file ${filename}`,
  };
}

/** What loading a set of definitions yields: every definition read, and every problem found. */
export interface LookupDefinitionsResult {
  readonly definitions: readonly LookupDefinition[];
  readonly diagnostics: readonly Diagnostic[];
}
