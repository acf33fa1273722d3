// Aho-Corasick multi-pattern automaton over case-folded UTF-16 text.
//
// Written by hand: the npm implementations (aho-corasick, ahocorasick, modern-ahocorasick) build
// object-per-node tries, report matches as arrays of strings and cannot fold case on the fly,
// which costs more than the whole match budget here. This one folds each code unit through a
// table while scanning (no lower-cased copy of the value).
//
// Memory is linear in the patterns' length with a small constant. The states where scanning
// spends its time (near the root, and branching states) get a dense row over the ASCII
// characters the patterns use: one array read per character. Every other state (the long
// unbranched tails of paths, hashes and command lines, which are most states) keeps only its
// children, sorted, and its failure link: a full table row for each would cost the number of
// characters in use times more (an 82 MB automaton for SigmaHQ's hashes, measured). The tables
// are built from the sorted patterns in linear time into typed arrays; nothing of the build is
// kept (see AutomatonTables).
import { FOLD } from '../compile/case-fold.ts';
import {
  type AutomatonOptions,
  type AutomatonTables,
  buildAutomatonTables,
} from './automaton-tables.ts';

export interface AhoCorasick {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Columns of the dense rows: distinct ASCII pattern characters + 1. */
  readonly classCount: number;
  /** States with a dense row. */
  readonly denseCount: number;
  /** Bytes of the typed arrays the automaton keeps. */
  readonly byteSize: number;
  /** The arrays it scans with (the route-program cache stores them). */
  readonly tables: AutomatonTables;
  /** Calls `onMatch(pattern, endIndex)` for every occurrence (end index inclusive). */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void;
}

/** Patterns must already be folded; the empty pattern is not allowed. */
export function buildAhoCorasick(
  patterns: readonly string[],
  options: AutomatonOptions = {},
): AhoCorasick {
  return new Automaton(buildAutomatonTables(patterns, options), patterns.length);
}

/** An automaton over tables an earlier build made (read back from the route-program cache). */
export function automatonOfTables(tables: AutomatonTables, patternCount: number): AhoCorasick {
  return new Automaton(tables, patternCount);
}

class Automaton implements AhoCorasick {
  readonly patternCount: number;
  readonly stateCount: number;
  readonly classCount: number;
  readonly denseCount: number;
  readonly byteSize: number;
  readonly tables: AutomatonTables;
  private readonly t: AutomatonTables;

  constructor(tables: AutomatonTables, patternCount: number) {
    this.t = tables;
    this.tables = tables;
    this.patternCount = patternCount;
    this.stateCount = tables.fail.length;
    this.classCount = tables.classes;
    this.denseCount = tables.stateOfRow.length;
    this.byteSize = Object.values(tables).reduce(
      (sum, v) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0),
      0,
    );
  }

  scan(text: string, onMatch: (pattern: number, end: number) => void): void {
    const { table, classOf, rowOf, stateOfRow, emits } = this.t;
    const classes = this.classCount;
    /** The current state's row offset when it is dense, else -1 and `state` holds it. */
    let row = 0;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next: number;
      if (row >= 0 && code < 128) {
        const cell = table[row + (classOf[code] as number)] as number;
        if (cell >= 0) {
          row = cell;
          continue;
        }
        next = ~cell;
      } else {
        next = this.step(row >= 0 ? (stateOfRow[row / classes] as number) : state, code);
      }
      if (emits[next] === 1) this.report(next, i, onMatch);
      row = rowOf[next] as number;
      state = next;
    }
  }

  /** The transition from `from` on code unit `code` along children and failure links. */
  private step(from: number, code: number): number {
    const { table, asciiClass, rowOf, fail, edgeStart, edgeKey, edgeTarget } = this.t;
    const folded = FOLD[code] as number;
    for (let s = from; ; s = fail[s] as number) {
      const row = rowOf[s] as number;
      if (row >= 0 && folded < 128) {
        const cell = table[row + (asciiClass[folded] as number)] as number;
        return cell >= 0 ? (this.t.stateOfRow[cell / this.classCount] as number) : ~cell;
      }
      const end = edgeStart[s + 1] as number;
      for (let k = edgeStart[s] as number; k < end; k++) {
        const key = edgeKey[k] as number;
        if (key === folded) return edgeTarget[k] as number;
        if (key > folded) break;
      }
      if (s === 0) return 0;
    }
  }

  private report(state: number, end: number, onMatch: (pattern: number, end: number) => void) {
    const { outStart, outIds, outputLink } = this.t;
    for (let s = state; s >= 0; s = outputLink[s] as number) {
      const stop = outStart[s + 1] as number;
      for (let k = outStart[s] as number; k < stop; k++) onMatch(outIds[k] as number, end);
    }
  }
}
