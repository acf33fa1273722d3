// What the Sigma stream sends its matcher for a batch whose events were matched where they were
// encoded (batch-matcher.ts): only the events some rule matched, with their matches, not the
// whole batch (~2 KB per Sysmon event copied to the matcher and decoded there). The rows are
// copied as bytes and cells, never decoded here: the main thread makes no event objects.
import { CELL_WIDTH, type EncodedEvents } from '../../store/encoded-events.ts';

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
  return {
    ...selectRows(batch, rows),
    matches: { version: matches.version, found: Int32Array.from(found), entries },
  };
}

/** Some rows of a batch as a batch of their own (names and index names shared). */
export function selectRows(batch: EncodedEvents, rows: readonly number[]): EncodedEvents {
  const { firstCell, cells } = batch;
  let cellCount = 0;
  let byteCount = 0;
  for (const row of rows) {
    const [first, last] = [firstCell[row] as number, firstCell[row + 1] as number];
    cellCount += last - first;
    // An event's values are contiguous bytes, from its first cell's start to its last's end.
    if (last > first)
      byteCount +=
        (cells[(last - 1) * CELL_WIDTH + 2] as number) - (cells[first * CELL_WIDTH + 1] as number);
  }
  const out = {
    count: rows.length,
    times: new Float64Array(rows.length),
    indexIds: new Uint16Array(rows.length),
    indexNames: batch.indexNames,
    names: batch.names,
    firstCell: new Int32Array(rows.length + 1),
    cells: new Int32Array(cellCount * CELL_WIDTH),
    bytes: new Uint8Array(byteCount),
  };
  let cell = 0;
  let used = 0;
  rows.forEach((row, i) => {
    out.times[i] = batch.times[row] as number;
    out.indexIds[i] = batch.indexIds[row] as number;
    out.firstCell[i] = cell;
    const [first, last] = [firstCell[row] as number, firstCell[row + 1] as number];
    if (last === first) return;
    const start = cells[first * CELL_WIDTH + 1] as number;
    const end = cells[(last - 1) * CELL_WIDTH + 2] as number;
    out.bytes.set(batch.bytes.subarray(start, end), used);
    out.cells.set(cells.subarray(first * CELL_WIDTH, last * CELL_WIDTH), cell * CELL_WIDTH);
    for (let c = cell; c < cell + last - first; c++) {
      out.cells[c * CELL_WIDTH + 1] = (out.cells[c * CELL_WIDTH + 1] as number) - start + used;
      out.cells[c * CELL_WIDTH + 2] = (out.cells[c * CELL_WIDTH + 2] as number) - start + used;
    }
    cell += last - first;
    used += end - start;
  });
  out.firstCell[rows.length] = cell;
  return out;
}
