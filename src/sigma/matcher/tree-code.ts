// The rule trees of one route program as one flat Int32Array, evaluated by one interpreter that
// asks the event's predicate state for values lazily.
//
// Flat code instead of a closure per node: an event evaluates a few rules out of thousands, each
// first touched in that event, so the cost is in reaching the nodes in memory. A rule's nodes sit
// next to each other here (a few cache lines), where closures, their contexts and argument arrays
// are spread over the heap.
import type { Predicate } from '../compile/predicate.ts';
import type { PredicateTree } from '../compile/predicate-tree.ts';
import type { EventPredicates } from './event-predicates.ts';
import type { HitRange } from './route-scan.ts';

export interface TreeContext {
  readonly state: EventPredicates;
  readonly predicates: readonly Predicate[];
  /** Where the current event's hits of a field with its own automaton are recorded. */
  readonly rangeOf: (field: string) => HitRange | undefined;
}

/**
 * Node layouts (`end` is the position after the node):
 * `PRED id` · `CONST 0|1` · `NOT end child` · `AND end child…` · `OR end child…` ·
 * `HIT_OR end range n id₁…idₙ child…`: an OR over many automaton-found predicates (ids sorted)
 * that visits the event's hits (of one field when `range` ≥ 0) instead of every member, then the
 * other children.
 */
const PRED = 0;
const CONST = 1;
const NOT = 2;
const AND = 3;
const OR = 4;
const HIT_OR = 5;

/**
 * ORs over many automaton-found predicates visit the event's hits (a few dozen) instead of every
 * child (hundreds in large rules): an unhit indexed predicate is false without looking at it.
 */
const HIT_SCAN_MIN = 8;

export class TreeCode {
  private readonly state: EventPredicates;
  private readonly context: TreeContext;
  private code = new Int32Array(256);
  private length = 0;
  private readonly ranges: HitRange[] = [];

  constructor(context: TreeContext) {
    this.state = context.state;
    this.context = context;
  }

  /**
   * Appends `tree` and returns where it starts: pass it to `run`. Trees are added when first
   * needed (an event evaluates a few rules of thousands), each in one piece.
   */
  add(tree: PredicateTree): number {
    const start = this.length;
    const out: number[] = [];
    emit(tree, this.context, out, this.ranges, start);
    if (start + out.length > this.code.length) {
      const grown = new Int32Array(Math.max(this.code.length * 2, start + out.length));
      grown.set(this.code.subarray(0, start));
      this.code = grown;
    }
    this.code.set(out, start);
    this.length = start + out.length;
    return start;
  }

  /** The value of the tree starting at `pc` for the current event. */
  run(pc: number): boolean {
    const code = this.code;
    switch (code[pc]) {
      case PRED:
        return this.state.test(code[pc + 1] as number);
      case CONST:
        return code[pc + 1] === 1;
      case NOT:
        return !this.run(pc + 2);
      case AND: {
        const end = code[pc + 1] as number;
        for (let p = pc + 2; p < end; p = nextNode(code, p)) if (!this.run(p)) return false;
        return true;
      }
      case OR: {
        const end = code[pc + 1] as number;
        for (let p = pc + 2; p < end; p = nextNode(code, p)) if (this.run(p)) return true;
        return false;
      }
      default:
        return this.hitScanOr(pc);
    }
  }

  private hitScanOr(pc: number): boolean {
    const code = this.code;
    const state = this.state;
    const end = code[pc + 1] as number;
    const rangeIndex = code[pc + 2] as number;
    const low = pc + 4;
    const high = low + (code[pc + 3] as number);
    let from = 0;
    let to = state.hitCount;
    if (rangeIndex >= 0) {
      const range = this.ranges[rangeIndex] as HitRange;
      if (range.stamp === state.generation) {
        from = range.start;
        to = range.end;
      } else to = 0;
    }
    const hits = state.hits;
    for (let k = from; k < to; k++) {
      const id = hits[k] as number;
      if (includes(code, low, high, id) && state.test(id)) return true;
    }
    for (let p = high; p < end; p = nextNode(code, p)) if (this.run(p)) return true;
    return false;
  }
}

function nextNode(code: Int32Array, pc: number): number {
  return (code[pc] as number) <= CONST ? pc + 2 : (code[pc + 1] as number);
}

/** Binary search of the sorted ids in `code[low .. high)`. */
function includes(code: Int32Array, low: number, high: number, id: number): boolean {
  let lo = low;
  let hi = high - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = code[mid] as number;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Emits `tree` into `out`, which will sit at `base` in the code (`end` slots are absolute). */
function emit(
  tree: PredicateTree,
  context: TreeContext,
  out: number[],
  ranges: HitRange[],
  base: number,
): void {
  switch (tree.kind) {
    case 'const':
      out.push(CONST, tree.value ? 1 : 0);
      return;
    case 'pred':
      out.push(PRED, tree.id);
      return;
    case 'not': {
      const at = out.length;
      out.push(NOT, 0);
      emit(tree.arg, context, out, ranges, base);
      out[at + 1] = base + out.length;
      return;
    }
    case 'and':
    case 'or': {
      const at = out.length;
      const members =
        tree.kind === 'or'
          ? [
              ...new Set(
                tree.args.flatMap((a) =>
                  a.kind === 'pred' && context.state.indexed[a.id] === 1 ? [a.id] : [],
                ),
              ),
            ]
          : [];
      if (members.length >= HIT_SCAN_MIN) {
        const memberSet = new Set(members);
        const fields = new Set(members.map((id) => context.predicates[id]?.field ?? null));
        const field = fields.size === 1 ? [...fields][0] : null;
        const range = typeof field === 'string' ? context.rangeOf(field) : undefined;
        let rangeIndex = -1;
        if (range !== undefined) {
          rangeIndex = ranges.indexOf(range);
          if (rangeIndex < 0) rangeIndex = ranges.push(range) - 1;
        }
        out.push(HIT_OR, 0, rangeIndex, members.length);
        for (const id of members.sort((a, b) => a - b)) out.push(id);
        for (const a of tree.args) {
          if (a.kind === 'pred' && memberSet.has(a.id)) continue;
          emit(a, context, out, ranges, base);
        }
      } else {
        out.push(tree.kind === 'and' ? AND : OR, 0);
        for (const a of tree.args) emit(a, context, out, ranges, base);
      }
      out[at + 1] = base + out.length;
      return;
    }
  }
}
