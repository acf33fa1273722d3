// Appending or reducing over arrays of any length: `target.push(...items)` and
// `Math.max(...items)` pass every item as an argument, and past about 100k of them V8 throws
// "Maximum call stack size exceeded". Rows, groups and values come from input, so they loop.

/** Appends every item of `items` to `target`; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The smallest number of `items` (Infinity when there is none). */
export function minOf(items: Iterable<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const item of items) if (item < min) min = item;
  return min;
}

/** The largest number of `items` (-Infinity when there is none). */
export function maxOf(items: Iterable<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const item of items) if (item > max) max = item;
  return max;
}
