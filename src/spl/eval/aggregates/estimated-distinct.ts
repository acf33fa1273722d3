// estdc(X): distinct count, exact up to 1,024 values, then a HyperLogLog sketch in 4 KiB.
import { scalarToString } from '../../value/number.ts';
import type { AggregateSpec } from './aggregate-types.ts';
import { forEachValue } from './each-value.ts';

const EXACT_LIMIT = 1024;
const REGISTER_BITS = 12;
const REGISTERS = 1 << REGISTER_BITS;

/** FNV-1a over UTF-16 units, finished with MurmurHash3's fmix32 so low bits are well mixed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

class HyperLogLog {
  private readonly registers = new Uint8Array(REGISTERS);

  add(text: string): void {
    const h = hash32(text);
    const index = h >>> (32 - REGISTER_BITS);
    const rest = (h << REGISTER_BITS) >>> 0;
    const rank = rest === 0 ? 32 - REGISTER_BITS + 1 : Math.clz32(rest) + 1;
    if (rank > (this.registers[index] as number)) this.registers[index] = rank;
  }

  /** Flajolet et al. 2007 estimate with the small-range (linear counting) correction. */
  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (const r of this.registers) {
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / REGISTERS);
    const raw = (alpha * REGISTERS * REGISTERS) / sum;
    if (raw <= 2.5 * REGISTERS && zeros > 0)
      return Math.round(REGISTERS * Math.log(REGISTERS / zeros));
    return Math.round(raw);
  }
}

export const estdcAggregate: AggregateSpec = {
  name: 'estdc',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'estdc(X): estimated distinct count of X (exact below 1,024 values)',
  create: () => {
    let exact: Set<string> | undefined = new Set<string>();
    const sketch = new HyperLogLog();
    return {
      add: (value) =>
        forEachValue(value, (v) => {
          const key = scalarToString(v);
          sketch.add(key);
          if (exact) {
            exact.add(key);
            if (exact.size > EXACT_LIMIT) exact = undefined;
          }
        }),
      result: () => (exact ? exact.size : sketch.estimate()),
    };
  },
};
