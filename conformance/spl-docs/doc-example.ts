// A documented example of the Search Reference, written down as a fixture: the search, its input,
// the result the page states, and the page it comes from (the project writes these by reading the
// pages; nothing here is copied from a corpus).
import type { Event } from '../../src/core/event.ts';

/** A field as the page shows it: text, a multivalue (one string per value), or null for absent. */
export type ShownValue = string | readonly string[] | null;

export interface DocExample {
  /** The function or section the example belongs to and what it shows (unique within its page). */
  readonly name: string;
  /** The search. A page's `... |` becomes `* |` over `events`. */
  readonly spl: string;
  /** The events the search reads (the page's sample data, as far as the example needs it). */
  readonly events?: readonly Event[];
  /**
   * The rows the page shows, in order; only the fields given are compared, and a field given
   * as null must be absent. Numbers are compared as Splunk prints them.
   */
  readonly rows?: readonly Readonly<Record<string, ShownValue>>[];
  /** The page says the search fails: it must not compile. */
  readonly fails?: true;
  /**
   * The page states another result, and `rows` hold what Splunk returns instead: why, with the
   * pages that decide it. The run lists these apart, so no page is overruled silently.
   */
  readonly erratum?: string;
  /** The time zone the page's results were made in, when they depend on it (default UTC). */
  readonly tz?: string;
  /** The search's now (epoch seconds); default 1700000000 (2023-11-14T22:13:20Z). */
  readonly now?: number;
  /** Lookup files the search may name (`users.csv` → its CSV text). */
  readonly lookups?: Readonly<Record<string, string>>;
}

/** One Search Reference page and the examples written from it. */
export interface DocPage {
  /** The page's title, e.g. `Conversion functions`. */
  readonly title: string;
  /** Where the page is: the path under help.splunk.com/en/splunk-enterprise/spl-search-reference/10.0/. */
  readonly path: string;
  readonly examples: readonly DocExample[];
}
