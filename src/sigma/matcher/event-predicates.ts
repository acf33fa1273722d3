// The predicate values of the event being matched: automaton hits recorded first, every other
// value computed at most once on demand, all reset in O(1) by a generation stamp.
import type { Event } from '../../core/index.ts';
import type { Predicate } from '../compile/predicate.ts';

const TRUE = 1;
const FALSE = 2;
/** Hit by the automaton, but the literal does not prove the predicate: verify on demand. */
const CANDIDATE = 3;

/** Generations stay below 2^29 so that a cell (generation << 2 | value) is a positive int32. */
const GENERATION_LIMIT = 1 << 29;

export class EventPredicates {
  /** Stamp of the current event; a predicate's value is valid when its stamp equals it. */
  generation = 0;
  event: Event = {};
  /**
   * Predicates the automata hit in the current event, in the order they were hit:
   * `hits[0 .. hitCount)`. A typed array with a count: resetting a JS array's length to 0 frees
   * its backing store, so every event would reallocate it.
   */
  hits = new Int32Array(64);
  hitCount = 0;
  /** Events in which each indexed predicate hit, counted by the matcher to adapt trigger choices. */
  readonly hitCounts: Uint32Array;
  /** 1 for predicates the automata find: they can only be true if they were hit. */
  readonly indexed: Uint8Array;
  /** Predicate values computed: automaton-decided hits, verifications and direct tests. */
  evaluations = 0;
  private readonly predicates: readonly Predicate[];
  /**
   * Per predicate `generation << 2 | value`: stamp and value in one read (one cache line per
   * predicate instead of two tables).
   */
  private readonly cells: Int32Array;
  /** `generation << 2`: a cell belongs to the current event when `(cell & ~3) === current`. */
  private current = 0;
  /** Stamps of other per-event tables, cleared when the generation wraps around. */
  private readonly stampTables: (Uint32Array | Int32Array)[] = [];

  constructor(predicates: readonly Predicate[]) {
    this.predicates = predicates;
    this.cells = new Int32Array(predicates.length);
    this.hitCounts = new Uint32Array(predicates.length);
    this.indexed = Uint8Array.from(predicates, (p) => (p.index === undefined ? 0 : 1));
    this.stampTables.push(this.cells);
  }

  /** A table stamped with `generation`, zeroed whenever the generation wraps around. */
  stampTable(length: number): Uint32Array {
    const table = new Uint32Array(length);
    this.stampTables.push(table);
    return table;
  }

  begin(event: Event): void {
    this.generation++;
    if (this.generation === GENERATION_LIMIT) {
      for (const table of this.stampTables) table.fill(0);
      this.generation = 1;
    }
    this.current = this.generation << 2;
    this.event = event;
    this.hitCount = 0;
  }

  /** An automaton found the literal of predicate `id` with its anchoring satisfied. */
  hit(id: number, decides: boolean): void {
    const cell = this.cells[id] as number;
    if ((cell & ~3) === this.current) {
      if (decides && (cell & 3) === CANDIDATE) this.cells[id] = this.current | TRUE;
      return;
    }
    if (decides) {
      this.cells[id] = this.current | TRUE;
      this.evaluations++;
    } else this.cells[id] = this.current | CANDIDATE;
    if (this.hitCount === this.hits.length) {
      const grown = new Int32Array(this.hits.length * 2);
      grown.set(this.hits);
      this.hits = grown;
    }
    this.hits[this.hitCount++] = id;
  }

  /** The predicate's value for the current event (call after every hit is recorded). */
  test(id: number): boolean {
    const cell = this.cells[id] as number;
    if ((cell & ~3) === this.current) {
      const v = cell & 3;
      if (v !== CANDIDATE) return v === TRUE;
    } else if (this.indexed[id] === 1) {
      this.cells[id] = this.current | FALSE;
      return false;
    }
    this.evaluations++;
    const result = (this.predicates[id] as Predicate).test(this.event);
    this.cells[id] = this.current | (result ? TRUE : FALSE);
    return result;
  }
}
