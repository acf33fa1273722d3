// Caps on what one eval value may grow to, so an expression over hostile (or doubling) values
// cannot exhaust memory: `x=mvappend(x,x)` thirty times is 2^30 values, `x=x.x` a 2^30-character
// string. Splunk caps multivalue results too (list() keeps 100 values, mvexpand and eventstats
// stop at limits.conf's memory limits with a warning); spelunk cuts what is over the cap and the
// command that evaluated it warns once (SPL310).
import type { Scalar } from '../../core/index.ts';

/** Values one multivalue field may hold. */
export const MAX_MULTIVALUE_VALUES = 100_000;
/** Characters one value (or all values of a multivalue together) may hold: 16 Mi. */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024;

let cuts = 0;

/**
 * How many values were cut so far in this process. A command compares it before and after an
 * evaluation (evaluation is synchronous, so nothing else runs in between) to warn.
 */
export function valueCuts(): number {
  return cuts;
}

/** The values, cut to MAX_MULTIVALUE_VALUES values and MAX_VALUE_CHARS characters in all. */
export function capValues<T extends Scalar>(values: T[]): T[] {
  let out = values;
  if (out.length > MAX_MULTIVALUE_VALUES) {
    cuts++;
    out = out.slice(0, MAX_MULTIVALUE_VALUES);
  }
  let chars = 0;
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as T;
    chars += typeof v === 'string' ? v.length : 8;
    if (chars > MAX_VALUE_CHARS) {
      cuts++;
      if (i > 0) return out.slice(0, i);
      return [(v as string).slice(0, MAX_VALUE_CHARS) as T];
    }
  }
  return out;
}

/** The text, cut to MAX_VALUE_CHARS characters. */
export function capText(text: string): string {
  if (text.length <= MAX_VALUE_CHARS) return text;
  cuts++;
  return text.slice(0, MAX_VALUE_CHARS);
}

/** Joins two texts without building more than MAX_VALUE_CHARS characters. */
export function concatCapped(a: string, b: string): string {
  if (a.length + b.length <= MAX_VALUE_CHARS) return a + b;
  cuts++;
  return (a + b.slice(0, Math.max(0, MAX_VALUE_CHARS - a.length))).slice(0, MAX_VALUE_CHARS);
}
