// The most routes a backtracking matcher can have in flight after reading any text: exact, by
// exploring every reachable vector of route counts over the position automaton (a subset
// construction that counts instead of merging). If no text gives more than `bound` routes at
// any depth, the matcher's search tree has at most `bound` nodes per character read.
import { CharBase, type CharSet } from 'refa';
import type { PositionAutomaton, RouteCounts } from './position-automaton.ts';

/** Vectors explored, and steps taken, before giving up (the pattern is then not proven). */
const MAX_VECTORS = 20_000;
const MAX_WORK = 2_000_000;

export interface AmbiguityQuestion {
  readonly automaton: PositionAutomaton;
  /**
   * `scan`: a search that may start at any position (an unanchored search is `[^]*?` then the
   * pattern: starts after the first character use the unanchored routes). `anchored`: one start.
   */
  readonly start: 'scan' | 'anchored';
  /** Read backwards (a look-behind body): edges reversed, starting from the last positions. */
  readonly reversed?: boolean;
  readonly bound: number;
}

type Moves = readonly (readonly [number, number])[];

/**
 * The largest number of routes at any depth, or undefined when it exceeds `bound` (or the
 * exploration is too large to finish).
 */
export function maxRoutes(question: AmbiguityQuestion): number | undefined {
  const { automaton, bound } = question;
  const follow = question.reversed ? reverse(automaton.follow) : automaton.follow;
  const firstEntry = question.reversed ? automaton.last : automaton.first;
  const laterEntry =
    question.start === 'anchored'
      ? new Map<number, number>()
      : question.reversed
        ? automaton.last
        : automaton.firstUnanchored;
  // A route that reaches a free tail ends the whole search (see freeTails): not counted.
  const ends = question.reversed ? new Set<number>() : freeTails(automaton);
  const atomOf = atomsOf(automaton.chars, automaton.all);
  const atoms = atomOf.count;
  const byAtom = (moves: RouteCounts): Moves[] => {
    const out: [number, number][][] = Array.from({ length: atoms }, () => []);
    for (const [q, m] of moves) {
      if (ends.has(q)) continue;
      for (const a of atomOf.atoms[q] ?? []) out[a]?.push([q, m]);
    }
    return out;
  };
  const entry = { first: byAtom(firstEntry), later: byAtom(laterEntry) };
  const moves = new Map<number, Moves[]>();
  const movesOf = (p: number): Moves[] => {
    let m = moves.get(p);
    if (m === undefined) {
      m = byAtom(follow[p] as RouteCounts);
      moves.set(p, m);
    }
    return m;
  };
  const seen = new Set<string>();
  let most = 0;
  let work = 0;
  let frontier: { counts: RouteCounts; initial: boolean }[] = [
    { counts: new Map(), initial: true },
  ];
  while (frontier.length > 0) {
    const next: { counts: RouteCounts; initial: boolean }[] = [];
    for (const { counts, initial } of frontier) {
      for (let a = 0; a < atoms; a++) {
        const out: RouteCounts = new Map();
        let total = 0;
        for (const [p, n] of counts) {
          for (const [q, m] of movesOf(p)[a] as Moves) {
            out.set(q, (out.get(q) ?? 0) + n * m);
            total += n * m;
          }
          if (total > bound) return undefined;
        }
        for (const [q, m] of (initial ? entry.first : entry.later)[a] as Moves) {
          out.set(q, (out.get(q) ?? 0) + m);
          total += m;
        }
        work += counts.size + out.size + 1;
        if (total > bound || work > MAX_WORK) return undefined;
        if (total > most) most = total;
        // With `scan`, the search goes on after a character no route takes (the empty vector).
        if (out.size === 0 && question.start === 'anchored') continue;
        const key = keyOf(out);
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > MAX_VECTORS) return undefined;
        next.push({ counts: out, initial: false });
      }
    }
    frontier = next;
  }
  return most;
}

/**
 * Positions from which the match cannot fail: every position reachable from them (themselves
 * included) has a route to the pattern's end crossing no assertion. Depth-first, a backtracking
 * matcher that reaches one goes down one path and succeeds at its first leaf, so the search ends
 * within one more pass over the text: the routes through them need not be counted.
 */
function freeTails(automaton: PositionAutomaton): Set<number> {
  const free = new Set(automaton.lastFree);
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of free) {
      for (const q of (automaton.follow[p] as RouteCounts).keys()) {
        if (!free.has(q)) {
          free.delete(p);
          changed = true;
          break;
        }
      }
    }
  }
  return free;
}

/** The alphabet cut into atoms no position's set splits; `atoms[p]`: the atoms p accepts. */
function atomsOf(
  chars: readonly CharSet[],
  all: CharSet,
): { count: number; atoms: readonly number[][] } {
  const base = new CharBase([all, ...chars]);
  return { count: base.sets.length, atoms: chars.map((set) => base.split(set)) };
}

function reverse(follow: readonly RouteCounts[]): RouteCounts[] {
  const out: RouteCounts[] = follow.map(() => new Map());
  follow.forEach((targets, p) => {
    for (const [q, n] of targets) out[q]?.set(p, n);
  });
  return out;
}

/** A canonical text for a vector (counts stay under `bound`, far below 4,096). */
function keyOf(counts: RouteCounts): string {
  const packed = new Int32Array(counts.size);
  let i = 0;
  for (const [p, n] of counts) packed[i++] = p * 4096 + n;
  return packed.sort().join(',');
}
