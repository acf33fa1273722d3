// What the Sigma stream sends its matcher for a batch whose events were matched where they were
// encoded (batch-matcher.ts): only the events some rule matched, re-encoded with their matches,
// not the whole batch (~2 KB per Sysmon event copied to the matcher and decoded there).
import type { Event } from '../../../core/index.ts';
import { decodeEvents, type EncodedEvents, encodeEvents } from '../../store/encoded-events.ts';

/**
 * The matched events of `batch` (those of indexes `keep` accepts) with their matches, rows
 * renumbered; undefined when none is left.
 */
export function matchedEvents(
  batch: EncodedEvents,
  keep: (index: string) => boolean,
): EncodedEvents | undefined {
  const matches = batch.matches;
  if (matches === undefined || matches.entries.length === 0) return undefined;
  const rows: number[] = [];
  const found: number[] = [];
  const entries: string[] = [];
  for (let k = 0; k < matches.entries.length; k++) {
    const row = matches.found[2 * k] as number;
    if (!keep(batch.indexNames[batch.indexIds[row] as number] as string)) continue;
    // Matches come in row order: a row's matches follow each other.
    if (rows[rows.length - 1] !== row) rows.push(row);
    found.push(rows.length - 1, matches.found[2 * k + 1] as number);
    entries.push(matches.entries[k] as string);
  }
  if (rows.length === 0) return undefined;
  const events = rows.map((row) => decodeEvents(batch, row, row + 1)[0] as Event);
  return {
    ...encodeEvents(events),
    matches: { version: matches.version, found: Int32Array.from(found), entries },
  };
}
