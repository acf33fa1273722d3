// A cached predicate: field, automaton literal and trigger flag as compact data; its test (and its
// interning key) compiled from its value on first use, by the compiler that made it.
import type { Event } from '../../core/index.ts';
import { compilePredicate } from '../compile/compile-predicate.ts';
import type { Predicate, PredicateIndex } from '../compile/predicate.ts';
import type { Anchoring } from '../compile/string-pattern.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import { decodeValue, encodeValue, type ValueData } from './value-codec.ts';

const ANCHORINGS: readonly Anchoring[] = ['exact', 'prefix', 'suffix', 'contains'];
const POSITIVE = 1;
const DECIDES = 2;

/** `[field, flags (positive, decides, anchoring << 2), literal or null, value]` */
export type PredicateData = [string | null, number, string | null, ValueData];

export function encodePredicate(p: Predicate): PredicateData {
  const { index } = p;
  let flags = p.positive ? POSITIVE : 0;
  if (index !== undefined)
    flags |= (index.decides ? DECIDES : 0) | (ANCHORINGS.indexOf(index.anchoring) << 2);
  return [p.field, flags, index?.text ?? null, encodeValue(p.value)];
}

export function decodePredicate(data: PredicateData): Predicate {
  return new CachedPredicate(data);
}

class CachedPredicate implements Predicate {
  readonly field: string | null;
  readonly positive: boolean;
  declare readonly index?: PredicateIndex;
  readonly value: SigmaValue;
  #compiled: Predicate | undefined;

  constructor([field, flags, text, value]: PredicateData) {
    this.field = field;
    this.positive = (flags & POSITIVE) !== 0;
    if (text !== null) {
      const index: PredicateIndex = {
        text,
        anchoring: ANCHORINGS[flags >> 2] as Anchoring,
        decides: (flags & DECIDES) !== 0,
      };
      Object.defineProperty(this, 'index', { value: index, enumerable: true });
    }
    this.value = decodeValue(value);
  }

  #compile(): Predicate {
    this.#compiled ??= compilePredicate(this.field, this.value);
    return this.#compiled;
  }

  get key(): string {
    return this.#compile().key;
  }

  test(event: Event): boolean {
    return this.#compile().test(event);
  }
}
