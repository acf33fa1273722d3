// Small seeded random generators: generated samples, benchmarks and fuzz tests are the same on
// every machine, and a failure can be replayed from its seed. Not for anything secret.

/** A generator of numbers in [0, 1). */
export type SeededRandom = () => number;

/** mulberry32 (Tommy Ettinger's 32-bit generator). */
export function mulberry32(seed: number): SeededRandom {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Marsaglia's xorshift32 (shifts 13, 17, 5); a zero seed would stay zero, so it becomes 1. */
export function xorshift32(seed: number): SeededRandom {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}
