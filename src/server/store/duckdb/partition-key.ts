// Time partitions: each index's events are split by event time into tables of one span (a day by
// default). A late event lands in the partition of its own time; retention drops whole tables.

/** Splunk's rule for index names (indexes.conf): lower-case letters, digits, `_` and `-`, not first. */
const INDEX_NAME = /^[a-z0-9][a-z0-9_-]{0,79}$/;

export function isValidIndexName(name: string): boolean {
  return INDEX_NAME.test(name);
}

export const DEFAULT_PARTITION_SECONDS = 86_400;

/** The start of the partition holding `time` (epoch seconds, UTC-aligned). */
export function partitionStart(time: number, spanSeconds: number): number {
  return Math.floor(time / spanSeconds) * spanSeconds;
}

/** The table of one partition; the index name is validated, the start a whole number. */
export function partitionTable(index: string, start: number): string {
  if (!isValidIndexName(index)) throw new Error(`invalid index name: ${JSON.stringify(index)}`);
  return `ev_${index}_${start < 0 ? `m${-start}` : start}`;
}
