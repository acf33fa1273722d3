// A compiled field predicate: one distinct `field op value` test, shared by every rule that uses it.
import type { Event } from '../../core/index.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import type { Anchoring } from './string-pattern.ts';

/** How the multi-pattern automaton can find a predicate's candidates. */
export interface PredicateIndex {
  /** Folded literal. */
  readonly text: string;
  readonly anchoring: Anchoring;
  /** True when an automaton hit with a satisfied anchoring proves the predicate; else verify. */
  readonly decides: boolean;
}

export interface Predicate {
  /** Canonical text of the test; equal keys are the same predicate. */
  readonly key: string;
  /** The event field, or null for keyword searches over every field. */
  readonly field: string | null;
  /**
   * Set when the predicate can only be true if the field holds a value containing this literal
   * (case-insensitively); the matcher then looks it up in the field's automaton.
   */
  readonly index?: PredicateIndex;
  /** Whether the predicate can only be true when the field is present (a usable rule trigger). */
  readonly positive: boolean;
  /** The value it tests (a cached rule set compiles `test` from it again). */
  readonly value: SigmaValue;
  /** Full evaluation. */
  test(event: Event): boolean;
}
