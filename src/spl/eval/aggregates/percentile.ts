// median, mode and percentiles (perc/p, exactperc, upperperc): memory bounded by distinct values.
import type { MaybeValue } from '../../../core/index.ts';
import { scalarToString } from '../../value/number.ts';
import type { AggregateSpec } from './aggregate-types.ts';
import { forEachNumber, forEachValue } from './each-value.ts';

/** Numeric values with their multiplicities, sorted on demand. */
class NumberHistogram {
  private readonly counts = new Map<number, number>();
  private total = 0;

  add(n: number): void {
    this.counts.set(n, (this.counts.get(n) ?? 0) + 1);
    this.total++;
  }

  /** The value at 1-based rank `rank` of the sorted multiset. */
  atRank(rank: number): number | undefined {
    if (this.total === 0) return undefined;
    const target = Math.min(Math.max(rank, 1), this.total);
    let seen = 0;
    for (const key of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(key) as number;
      if (seen >= target) return key;
    }
    return undefined;
  }

  get size(): number {
    return this.total;
  }

  /** Estimated bytes: one map entry per distinct number. */
  get bytes(): number {
    return 40 * this.counts.size;
  }
}

/**
 * Nearest-rank percentile, Splunk's default method (limits.conf [stats] perc_method =
 * nearest-rank): the value at rank ceil(p/100 · N). perc and upperperc are exact here (Splunk
 * approximates above 1000 distinct values within 1% of rank), so all three agree.
 */
export function percentileAggregate(
  percent: number,
  spelling: 'perc' | 'exactperc' | 'upperperc',
): AggregateSpec {
  return {
    name: spelling,
    minArgs: 1,
    maxArgs: 1,
    needsTime: false,
    summary: `${spelling}${percent}(X): the ${percent}th percentile of the numeric values of X (nearest rank)`,
    create: () => {
      const histogram = new NumberHistogram();
      return {
        add: (value) => forEachNumber(value, (n) => histogram.add(n)),
        result: () => histogram.atRank(Math.ceil((percent / 100) * histogram.size)),
        bytes: () => histogram.bytes,
      };
    },
  };
}

/** median(X): the middle value; with an even count, the higher of the two middle values. */
export const medianAggregate: AggregateSpec = {
  name: 'median',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'median(X): the middle numeric value of X (the higher one for an even count)',
  create: () => {
    const histogram = new NumberHistogram();
    return {
      add: (value) => forEachNumber(value, (n) => histogram.add(n)),
      result: () => histogram.atRank(Math.floor(histogram.size / 2) + 1),
      bytes: () => histogram.bytes,
    };
  },
};

/** mode(X): the most frequent value; the first one seen wins a tie. */
export const modeAggregate: AggregateSpec = {
  name: 'mode',
  minArgs: 1,
  maxArgs: 1,
  needsTime: false,
  summary: 'mode(X): the most frequent value of X',
  create: () => {
    const counts = new Map<string, number>();
    let bytes = 0;
    return {
      bytes: () => bytes,
      add: (value) =>
        forEachValue(value, (v) => {
          const key = scalarToString(v);
          const count = counts.get(key);
          if (count === undefined) bytes += 40 + key.length;
          counts.set(key, (count ?? 0) + 1);
        }),
      result: (): MaybeValue => {
        let best: string | undefined;
        let bestCount = 0;
        for (const [key, count] of counts) {
          if (count > bestCount) {
            best = key;
            bestCount = count;
          }
        }
        return best;
      },
    };
  },
};
