// The trie of an automaton's patterns as flat arrays (automaton-tables.ts builds on it): states
// created in one pass over the sorted patterns, children grouped per state by a counting sort.

export interface Trie {
  readonly stateCount: number;
  /** Per state: its parent, the folded code unit leading to it, its depth. */
  readonly parent: Int32Array;
  readonly key: Uint16Array;
  readonly depth: Int32Array;
  /** Patterns ending at state s: outIds[outStart[s] .. outStart[s+1]). */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
}

export interface Edges {
  readonly edgeStart: Int32Array;
  readonly edgeKey: Uint16Array;
  readonly edgeTarget: Int32Array;
}

/** The trie of the patterns, inserted in sorted order so each shares the path of the one before. */
export function buildTrie(patterns: readonly string[], capacity: number): Trie {
  const parent = new Int32Array(capacity);
  const key = new Uint16Array(capacity);
  const depth = new Int32Array(capacity);
  const endsAt = new Int32Array(patterns.length);
  const sorted = patterns.map((_, i) => i).sort((a, b) => compare(patterns[a], patterns[b]));
  const path = new Int32Array(capacity);
  let stateCount = 1;
  let previous = '';
  for (const id of sorted) {
    const p = patterns[id] as string;
    let shared = 0;
    const limit = Math.min(p.length, previous.length);
    while (shared < limit && p.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    let state = path[shared] as number;
    for (let i = shared; i < p.length; i++) {
      const next = stateCount++;
      parent[next] = state;
      key[next] = p.charCodeAt(i);
      depth[next] = i + 1;
      path[i + 1] = next;
      state = next;
    }
    endsAt[id] = state;
    previous = p;
  }
  // Patterns per terminal state, by a counting sort over the states.
  const outStart = new Int32Array(stateCount + 1);
  for (const s of endsAt) outStart[s + 1] = (outStart[s + 1] as number) + 1;
  for (let s = 0; s < stateCount; s++)
    outStart[s + 1] = (outStart[s + 1] as number) + (outStart[s] as number);
  const outIds = new Int32Array(patterns.length);
  const fill = outStart.slice(0, stateCount);
  for (let id = 0; id < patterns.length; id++) {
    const s = endsAt[id] as number;
    outIds[fill[s] as number] = id;
    fill[s] = (fill[s] as number) + 1;
  }
  return { stateCount, parent, key, depth, outStart, outIds };
}

/** Code-unit order, as the trie's children are kept (not locale order). */
function compare(a: string | undefined, b: string | undefined): number {
  const x = a as string;
  const y = b as string;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Children per state (states are created in key order per parent: the groups come out sorted). */
export function groupChildren(stateCount: number, parent: Int32Array, key: Uint16Array): Edges {
  const edgeStart = new Int32Array(stateCount + 1);
  for (let s = 1; s < stateCount; s++) {
    const p = parent[s] as number;
    edgeStart[p + 1] = (edgeStart[p + 1] as number) + 1;
  }
  for (let s = 0; s < stateCount; s++)
    edgeStart[s + 1] = (edgeStart[s + 1] as number) + (edgeStart[s] as number);
  const edgeKey = new Uint16Array(stateCount - 1);
  const edgeTarget = new Int32Array(stateCount - 1);
  const fill = edgeStart.slice(0, stateCount);
  for (let s = 1; s < stateCount; s++) {
    const p = parent[s] as number;
    const at = fill[p] as number;
    edgeKey[at] = key[s] as number;
    edgeTarget[at] = s;
    fill[p] = at + 1;
  }
  return { edgeStart, edgeKey, edgeTarget };
}

export function breadthFirst(stateCount: number, edgeStart: Int32Array, edgeTarget: Int32Array) {
  const order = new Int32Array(stateCount);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const s = order[head] as number;
    for (let k = edgeStart[s] as number; k < (edgeStart[s + 1] as number); k++)
      order[tail++] = edgeTarget[k] as number;
  }
  return order;
}

/** The child of `s` on `k`, or -1: binary search of its sorted keys. */
export function childOf(edges: Edges, s: number, k: number): number {
  let lo = edges.edgeStart[s] as number;
  let hi = (edges.edgeStart[s + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = edges.edgeKey[mid] as number;
    if (v === k) return edges.edgeTarget[mid] as number;
    if (v < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
