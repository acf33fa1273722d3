// Builds the typed arrays of an Aho-Corasick automaton (aho-corasick.ts) in time and memory linear
// in the patterns' total length: the trie (automaton-trie.ts), failure and output links in
// breadth-first order, then the dense rows. Only the returned arrays outlive the build.
import { FOLD } from '../compile/case-fold.ts';
import { breadthFirst, buildTrie, childOf, groupChildren } from './automaton-trie.ts';

/** What a built automaton keeps; states are numbered in trie order, the root is 0. */
export interface AutomatonTables {
  /** Columns of the dense rows: distinct ASCII pattern characters + 1 (column 0: any other). */
  readonly classes: number;
  /** ASCII code unit as written → the column of its folded form. */
  readonly classOf: Uint8Array;
  /** Folded ASCII code unit → its column. */
  readonly asciiClass: Uint8Array;
  /**
   * Dense rows, `classes` cells each: the full transition on every ASCII column. A cell holds the
   * target's row offset when the target is dense and reports nothing, else `~target`.
   */
  readonly table: Int32Array;
  /** Row offset of a dense state, -1 for the others. */
  readonly rowOf: Int32Array;
  /** Dense state of each row (row offset / classes). */
  readonly stateOfRow: Int32Array;
  readonly fail: Int32Array;
  /** Children of state s: keys (folded code units, ascending) and targets in [edgeStart[s], edgeStart[s+1]). */
  readonly edgeStart: Int32Array;
  readonly edgeKey: Uint16Array;
  readonly edgeTarget: Int32Array;
  /** Patterns ending at state s: outIds[outStart[s] .. outStart[s+1]). */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
  /** The nearest state on the failure chain that ends a pattern, or -1. */
  readonly outputLink: Int32Array;
  /** 1 when the state ends a pattern or its output link does. */
  readonly emits: Uint8Array;
}

/**
 * Dense rows go to the states scanning sits in: the first levels of the trie, and branching
 * states up to a depth. At most `DENSE_SHARE` of the states (and a floor for small automata)
 * get one, so the rows never dominate memory whatever the patterns.
 */
const DENSE_DEPTH = 3;
const DENSE_BRANCHING = 2;
const DENSE_BRANCHING_DEPTH = 16;
const DENSE_SHARE = 1 / 8;
const DENSE_FLOOR = 512;

export interface AutomatonOptions {
  /** At most this many dense states (the root always has one); tests force the sparse paths. */
  readonly maxDense?: number;
}

export function buildAutomatonTables(
  patterns: readonly string[],
  options: AutomatonOptions = {},
): AutomatonTables {
  const asciiClass = new Uint8Array(128);
  let classes = 1;
  let total = 1;
  for (const p of patterns) {
    total += p.length;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 128 && asciiClass[c] === 0) asciiClass[c] = classes++;
    }
  }
  const classOf = new Uint8Array(128);
  for (let c = 0; c < 128; c++) classOf[c] = asciiClass[FOLD[c] as number] as number;

  const trie = buildTrie(patterns, total);
  const { stateCount, parent, key, depth } = trie;
  const terminal = trie;
  const edges = groupChildren(stateCount, parent, key);
  const order = breadthFirst(stateCount, edges.edgeStart, edges.edgeTarget);
  const fail = new Int32Array(stateCount);
  const outputLink = new Int32Array(stateCount).fill(-1);
  const emits = new Uint8Array(stateCount);
  const child = (s: number, k: number) => childOf(edges, s, k);
  for (let i = 1; i < stateCount; i++) {
    const s = order[i] as number;
    const p = parent[s] as number;
    if (p !== 0) {
      const k = key[s] as number;
      let f = fail[p] as number;
      let next = child(f, k);
      while (next < 0 && f !== 0) {
        f = fail[f] as number;
        next = child(f, k);
      }
      fail[s] = Math.max(next, 0);
    }
    const f = fail[s] as number;
    outputLink[s] =
      terminal.outStart[f + 1] !== terminal.outStart[f] ? f : (outputLink[f] as number);
    emits[s] = terminal.outStart[s + 1] !== terminal.outStart[s] || outputLink[s] >= 0 ? 1 : 0;
  }

  // Dense states in breadth-first order: a state's failure target (shallower) has its row first.
  const rowOf = new Int32Array(stateCount).fill(-1);
  const budget = Math.max(
    1,
    options.maxDense ?? Math.max(DENSE_FLOOR, Math.ceil(stateCount * DENSE_SHARE)),
  );
  const dense: number[] = [];
  for (let i = 0; i < stateCount && dense.length < budget; i++) {
    const s = order[i] as number;
    const d = depth[s] as number;
    const fanout = (edges.edgeStart[s + 1] as number) - (edges.edgeStart[s] as number);
    if (d < DENSE_DEPTH || (fanout >= DENSE_BRANCHING && d < DENSE_BRANCHING_DEPTH)) {
      rowOf[s] = dense.length * classes;
      dense.push(s);
    }
  }
  const stateOfRow = Int32Array.from(dense);
  const table = new Int32Array(dense.length * classes);
  const classKey = new Uint16Array(classes);
  for (let c = 0; c < 128; c++) if (asciiClass[c] !== 0) classKey[asciiClass[c] as number] = c;
  const encode = (t: number) =>
    (rowOf[t] as number) >= 0 && emits[t] === 0 ? (rowOf[t] as number) : ~t;
  /** The full transition on ASCII `k` from a state shallower than the row being filled. */
  const transition = (from: number, k: number): number => {
    for (let f = from; ; f = fail[f] as number) {
      const row = rowOf[f] as number;
      if (row >= 0) {
        const cell = table[row + (asciiClass[k] as number)] as number;
        return cell >= 0 ? (dense[cell / classes] as number) : ~cell;
      }
      const next = child(f, k);
      if (next >= 0) return next;
    }
  };
  for (const s of dense) {
    const row = rowOf[s] as number;
    for (let cls = 1; cls < classes; cls++) {
      const k = classKey[cls] as number;
      let target = child(s, k);
      if (target < 0) target = s === 0 ? 0 : transition(fail[s] as number, k);
      table[row + cls] = encode(target);
    }
  }
  return {
    classes,
    classOf,
    asciiClass,
    table,
    rowOf,
    stateOfRow,
    fail,
    edgeStart: edges.edgeStart,
    edgeKey: edges.edgeKey,
    edgeTarget: edges.edgeTarget,
    outStart: terminal.outStart,
    outIds: terminal.outIds,
    outputLink,
    emits,
  };
}
