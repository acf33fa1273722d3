// The fuzz suite's shared parts: what a target is, seeded mutation, and a bounded run of seeds.
// Each target generates an input from a seed and checks what spelunk does with it: no exception
// escapes, every problem is a located diagnostic, and it finishes in bounded time. The same
// targets run briefly in `npm test`, longer in the integration tier, and as long as asked in
// `npm run fuzz -- --minutes N` (scripts/fuzz.ts), which saves any failing input.
import { mulberry32, type SeededRandom } from '../../src/core/seeded-random.ts';

export interface FuzzTarget {
  readonly name: string;
  /** The input for one seed (text, or bytes for the readers). */
  generate(next: SeededRandom): string | Uint8Array;
  /** Throws (an AssertionError, or what escaped from spelunk) when the input breaks a rule. */
  check(input: string | Uint8Array): Promise<void>;
}

/** An input slower than this is a failure (a hang, or super-linear work). */
export const SLOW_INPUT_MS = 10_000;

export interface FuzzFailure {
  readonly target: string;
  readonly seed: number;
  readonly input: string | Uint8Array;
  readonly error: string;
}

export interface FuzzRun {
  readonly inputs: number;
  readonly failures: readonly FuzzFailure[];
}

/**
 * Runs seeds `first`, `first+1`, ... until `count` inputs or `budgetMs` have passed; the first
 * `minimum` inputs run whatever the clock says, so a busy machine gives fewer inputs, never fewer
 * than that.
 */
export async function runSeeds(
  target: FuzzTarget,
  first: number,
  count: number,
  budgetMs: number,
  onInput?: (seed: number, input: string | Uint8Array) => void,
  minimum = 0,
): Promise<FuzzRun> {
  const started = performance.now();
  const failures: FuzzFailure[] = [];
  let inputs = 0;
  for (let seed = first; seed < first + count; seed++) {
    if (inputs >= minimum && performance.now() - started > budgetMs) break;
    const input = target.generate(mulberry32(seed * 2654435761 + target.name.length));
    onInput?.(seed, input);
    const began = performance.now();
    try {
      await target.check(input);
      const took = performance.now() - began;
      if (took > SLOW_INPUT_MS) throw new Error(`took ${Math.round(took)} ms`);
    } catch (caught) {
      failures.push({ target: target.name, seed, input, error: describe(caught) });
    }
    inputs++;
  }
  return { inputs, failures };
}

function describe(caught: unknown): string {
  if (caught instanceof Error) return `${caught.name}: ${caught.message}\n${caught.stack ?? ''}`;
  return String(caught);
}

export function pick<T>(next: SeededRandom, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

export function int(next: SeededRandom, below: number): number {
  return Math.floor(next() * below);
}

/**
 * Text mutations: cut, delete a run, insert a nasty piece, duplicate a slice, repeat a slice
 * many times (the shapes that exhaust stacks and quadratic loops).
 */
export function mutateText(text: string, next: SeededRandom, nasty: readonly string[]): string {
  let out = text;
  const edits = 1 + int(next, 5);
  for (let i = 0; i < edits; i++) {
    const at = int(next, out.length + 1);
    const kind = next();
    if (kind < 0.15) out = out.slice(0, at);
    else if (kind < 0.35) out = out.slice(0, at) + out.slice(at + 1 + int(next, 20));
    else if (kind < 0.7) out = out.slice(0, at) + pick(next, nasty) + out.slice(at);
    else if (kind < 0.9) out = out.slice(0, at) + out.slice(int(next, out.length));
    else {
      const piece = out.slice(at, at + 1 + int(next, 12)) || pick(next, nasty);
      out = out.slice(0, at) + piece.repeat(1 + int(next, 3000)) + out.slice(at);
    }
  }
  return out;
}
