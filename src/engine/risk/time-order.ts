// Positions of risk events in time order, equal times in the order raised, as a typed array: the
// ledger's store sorts each buffer of 65,536 risk events before it writes it out (each entity's
// group then comes out in time order, and incidents merge the groups). A plain array of positions
// sorted with a comparator held 8 bytes a position plus the sort's own boxed copies.

/** Positions 0..length-1 ordered by `time(position)`, stable (a bottom-up merge sort). */
export function timeOrder(length: number, time: (position: number) => number): Uint32Array {
  let from = new Uint32Array(length);
  for (let i = 0; i < length; i++) from[i] = i;
  if (isOrdered(from, time)) return from;
  let to = new Uint32Array(length);
  for (let width = 1; width < length; width *= 2) {
    for (let low = 0; low < length; low += 2 * width) {
      const middle = Math.min(low + width, length);
      const high = Math.min(low + 2 * width, length);
      let a = low;
      let b = middle;
      let out = low;
      while (a < middle && b < high) {
        // `<=`: on equal times the left run, raised first, goes first.
        if (time(from[a] as number) <= time(from[b] as number)) to[out++] = from[a++] as number;
        else to[out++] = from[b++] as number;
      }
      while (a < middle) to[out++] = from[a++] as number;
      while (b < high) to[out++] = from[b++] as number;
    }
    const merged = to;
    to = from;
    from = merged;
  }
  return from;
}

/** Risk events are mostly raised in time order: then there is nothing to sort. */
function isOrdered(positions: Uint32Array, time: (position: number) => number): boolean {
  for (let i = 1; i < positions.length; i++) {
    if (time(positions[i] as number) < time(positions[i - 1] as number)) return false;
  }
  return true;
}
