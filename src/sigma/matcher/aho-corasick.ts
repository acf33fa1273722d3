// Aho-Corasick multi-pattern automaton over case-folded UTF-16 text.
//
// Written by hand: the npm implementations (aho-corasick, ahocorasick, modern-ahocorasick) build
// object-per-node tries, report matches as arrays of strings and cannot fold case on the fly,
// which costs more than the whole match budget here. This one folds each code unit through a
// table while scanning (no lower-cased copy of the value). ASCII, which is nearly all Windows
// event text, walks a dense transition table (one array read per character) over the ASCII
// characters the patterns use; other characters follow sparse goto/failure links, which keeps
// the table small when patterns carry hundreds of distinct non-ASCII characters.
import { FOLD } from '../compile/case-fold.ts';

const WIDE = 255;

export interface AhoCorasick {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Columns of the dense table: distinct ASCII pattern characters + 1. */
  readonly classCount: number;
  /** Calls `onMatch(pattern, endIndex)` for every occurrence (end index inclusive). */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void;
}

/** Patterns must already be folded; the empty pattern is not allowed. */
export function buildAhoCorasick(patterns: readonly string[]): AhoCorasick {
  const asciiClass = new Int32Array(128);
  let classes = 1;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 128 && asciiClass[c] === 0) asciiClass[c] = classes++;
    }
  }
  // Trie: ASCII edges keyed by class, other edges by code unit (offset past the classes).
  const children: Map<number, number>[] = [new Map()];
  const terminal: number[][] = [[]];
  patterns.forEach((p, id) => {
    let state = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      const key = c < 128 ? (asciiClass[c] as number) : 128 + c;
      let next = children[state]?.get(key);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        terminal.push([]);
        children[state]?.set(key, next);
      }
      state = next;
    }
    terminal[state]?.push(id);
  });
  const stateCount = children.length;
  const delta =
    stateCount <= 65536
      ? new Uint16Array(stateCount * classes)
      : new Int32Array(stateCount * classes);
  const fail = new Int32Array(stateCount);
  /** (state << 16 | code unit) → next state, for non-ASCII edges. */
  const wide = new Map<number, number>();
  const wideStep = (from: number, c: number): number => {
    for (let s = from; ; s = fail[s] as number) {
      const next = wide.get(s * 65536 + c);
      if (next !== undefined) return next;
      if (s === 0) return 0;
    }
  };
  const outputLink = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (const [key, next] of children[0] ?? []) {
    if (key < 128) delta[key] = next;
    else wide.set(key - 128, next);
    queue[tail++] = next;
  }
  while (head < tail) {
    const state = queue[head++] as number;
    const f = fail[state] as number;
    outputLink[state] = (terminal[f]?.length ?? 0) > 0 ? f : (outputLink[f] as number);
    const row = state * classes;
    // Missing transitions follow the failure state's row; real children override it.
    delta.copyWithin(row, f * classes, f * classes + classes);
    for (const [key, next] of children[state] ?? []) {
      if (key < 128) {
        delta[row + key] = next;
        fail[next] = delta[f * classes + key] as number;
      } else {
        wide.set(state * 65536 + key - 128, next);
        fail[next] = wideStep(f, key - 128);
      }
      queue[tail++] = next;
    }
  }
  const outStart = new Int32Array(stateCount + 1);
  let total = 0;
  for (let s = 0; s < stateCount; s++) {
    outStart[s] = total;
    total += terminal[s]?.length ?? 0;
  }
  outStart[stateCount] = total;
  const outIds = new Int32Array(total);
  for (let s = 0; s < stateCount; s++) outIds.set(terminal[s] ?? [], outStart[s] as number);
  // The scan table holds premultiplied rows (state * classes), negated (~row) when the target
  // state reports matches, so the hot loop does one read and one sign test per character.
  const emits = (s: number) =>
    (outStart[s + 1] as number) > (outStart[s] as number) || (outputLink[s] as number) >= 0;
  const table = new Int32Array(stateCount * classes);
  for (let i = 0; i < table.length; i++) {
    const target = delta[i] as number;
    table[i] = emits(target) ? ~(target * classes) : target * classes;
  }
  // ASCII code unit → class of its folded form: 128 bytes per automaton stay in cache, where a
  // table over all 65,536 code units per automaton would not.
  const asciiFoldedClass = new Uint8Array(128);
  for (let c = 0; c < 128; c++) asciiFoldedClass[c] = asciiClass[FOLD[c] as number] as number;
  const hasWide = wide.size > 0;
  const report = (state: number, end: number, onMatch: (pattern: number, end: number) => void) => {
    for (let s = state; s >= 0; s = outputLink[s] as number) {
      for (let k = outStart[s] as number; k < (outStart[s + 1] as number); k++)
        onMatch(outIds[k] as number, end);
    }
  };
  return {
    patternCount: patterns.length,
    stateCount,
    classCount: classes,
    scan(text, onMatch) {
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        let cls: number;
        if (code < 128) cls = asciiFoldedClass[code] as number;
        else {
          const folded = FOLD[code] as number;
          cls = folded < 128 ? (asciiClass[folded] as number) : WIDE;
        }
        if (cls !== WIDE) {
          const next = table[row + cls] as number;
          if (next >= 0) {
            row = next;
            continue;
          }
          row = ~next;
          report(row / classes, i, onMatch);
        } else {
          const state = hasWide ? wideStep(row / classes, FOLD[code] as number) : 0;
          row = state * classes;
          if (emits(state)) report(state, i, onMatch);
        }
      }
    },
  };
}
