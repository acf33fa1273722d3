// The paths a backtracking engine can take through a JS regex, as a position automaton that
// keeps every route: one state per character position (a Glushkov automaton), and on each edge
// the number of distinct ways (ε-routes through groups, alternatives and quantifiers) V8's
// matcher can get from one position to the next. Merging those ways, as a language-level
// automaton does, would hide exactly what makes backtracking slow (`(a*)*` has one edge a→a in
// a Glushkov automaton but two routes in V8).
//
// Over-approximations (each only adds routes, so a bound computed here holds for V8):
// `^ $ \b \B` and look-arounds are ε (their bodies are checked on their own); a back-reference
// is any run of the characters its group can hold; `x{n,m}` beyond a few copies becomes
// `x{n'}x*`; iterations V8 rejects as empty are not counted (they are dead ends of bounded cost).
import type { AST } from '@eslint-community/regexpp';
import { CharSet } from 'refa';
import {
  getConsumedChars,
  getLengthRange,
  type ReadonlyFlags,
  toCharSet,
} from 'regexp-ast-analysis';

/** Route counts saturate here (they are compared with small bounds only). */
const SATURATED = 1 << 30;
/** Copies a counted quantifier is expanded into before it is approximated by a star. */
const MAX_COPIES = 16;
/** Larger automata are not analysed (the pattern is not proven safe). */
export const MAX_POSITIONS = 2000;
/** Route-count updates the construction may make (it can be quadratic in the pattern). */
const MAX_UPDATES = 1_000_000;

/** position → number of distinct routes. */
export type RouteCounts = Map<number, number>;

/** A look-around whose body is matched at each visit; checked separately. */
export interface LookaroundBody {
  readonly assertion: AST.LookaroundAssertion;
  /**
   * Reached only at the very start of the text (every route to it crosses `^` without `m` and
   * reads nothing): visited once per search, so even an unbounded body costs linear time.
   */
  readonly once: boolean;
}

/** Where an element is reached from: whether every route reads nothing and crosses `^`. */
interface Entry {
  readonly atStart: boolean;
  readonly anchored: boolean;
}

const ANYWHERE: Entry = { atStart: false, anchored: false };

export interface PositionAutomaton {
  readonly chars: readonly CharSet[];
  /** Routes from the pattern's start to each first position. */
  readonly first: RouteCounts;
  /** As `first`, counting only routes that cross no start anchor (`^` without `m`). */
  readonly firstUnanchored: RouteCounts;
  /** follow[p]: routes from position p to each next position. */
  readonly follow: readonly RouteCounts[];
  /** Routes from each position to the pattern's end. */
  readonly last: RouteCounts;
  /** Positions with a route to the pattern's end that crosses no assertion (it cannot fail). */
  readonly lastFree: ReadonlySet<number>;
  readonly lookarounds: readonly LookaroundBody[];
  /** Every character the flags allow (the alphabet). */
  readonly all: CharSet;
}

/** Thrown when the pattern uses what this analysis does not model, or is too large. */
export class UnmodelledRegex extends Error {}

interface Fragment {
  readonly nullable: number;
  readonly nullableUnanchored: number;
  /** Whether some ε-route through it crosses no assertion. */
  readonly nullableFree: boolean;
  readonly first: RouteCounts;
  readonly firstUnanchored: RouteCounts;
  readonly last: RouteCounts;
  readonly lastFree: ReadonlySet<number>;
}

const NONE: ReadonlySet<number> = new Set();

const EMPTY: Fragment = {
  nullable: 1,
  nullableUnanchored: 1,
  nullableFree: true,
  first: new Map(),
  firstUnanchored: new Map(),
  last: new Map(),
  lastFree: NONE,
};

/** An assertion: ε, but its route can fail. */
const ASSERTION: Fragment = { ...EMPTY, nullableFree: false };

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  return new Set([...a, ...b]);
}

function product(a: number, b: number): number {
  return Math.min(SATURATED, a * b);
}

let updates = 0;

function addScaled(target: RouteCounts, source: RouteCounts, factor: number): void {
  if (factor === 0) return;
  updates += source.size;
  if (updates > MAX_UPDATES) throw new UnmodelledRegex('too large to analyse');
  for (const [p, n] of source) {
    target.set(p, Math.min(SATURATED, (target.get(p) ?? 0) + product(n, factor)));
  }
}

function scaled(a: RouteCounts, fa: number, b: RouteCounts, fb: number): RouteCounts {
  const out: RouteCounts = new Map();
  addScaled(out, a, fa);
  addScaled(out, b, fb);
  return out;
}

/** Builds the automaton of `alternatives` (a pattern, or a look-around body). */
export function buildPositionAutomaton(
  alternatives: readonly AST.Alternative[],
  flags: ReadonlyFlags,
): PositionAutomaton {
  updates = 0;
  const builder = new Builder(flags);
  const fragment = builder.alternatives(alternatives, { atStart: true, anchored: false });
  return {
    chars: builder.chars,
    first: fragment.first,
    firstUnanchored: fragment.firstUnanchored,
    follow: builder.follow,
    last: fragment.last,
    lastFree: fragment.lastFree,
    lookarounds: builder.lookarounds,
    all: CharSet.all(builder.maximum),
  };
}

class Builder {
  readonly chars: CharSet[] = [];
  readonly follow: RouteCounts[] = [];
  readonly lookarounds: LookaroundBody[] = [];
  readonly maximum: number;
  private readonly flags: ReadonlyFlags;

  constructor(flags: ReadonlyFlags) {
    this.flags = flags;
    this.maximum = flags.unicode || flags.unicodeSets ? 0x10ffff : 0xffff;
  }

  alternatives(alternatives: readonly AST.Alternative[], entry: Entry): Fragment {
    let out: Fragment = { ...EMPTY, nullable: 0, nullableUnanchored: 0, nullableFree: false };
    for (const alternative of alternatives) {
      out = this.union(out, this.sequence(alternative.elements, entry));
    }
    return out;
  }

  private sequence(elements: readonly AST.Element[], entry: Entry): Fragment {
    let out = EMPTY;
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i] as AST.Element;
      const here: Entry = {
        atStart: entry.atStart && out.first.size === 0,
        anchored: entry.anchored || out.nullableUnanchored === 0,
      };
      const atomic = atomicGroup(element, elements[i + 1]);
      if (atomic !== undefined) {
        // `(?=(X))\N`: X matched once, never backtracked into. X inline has at least its routes;
        // its end is a look-ahead's end, not the pattern's (no free route out of it).
        const inline = this.alternatives(atomic.alternatives, here);
        out = this.concat(out, unfree(inline));
        i++;
        continue;
      }
      out = this.concat(out, this.element(element, here));
    }
    return out;
  }

  private element(node: AST.Element, entry: Entry): Fragment {
    switch (node.type) {
      case 'Character':
      case 'CharacterClass':
      case 'CharacterSet':
        if (node.type === 'CharacterClass' && node.unicodeSets)
          throw new UnmodelledRegex('class set');
        return this.position(toCharSet(node as AST.Character, this.flags));
      case 'Group':
        if (node.modifiers) throw new UnmodelledRegex('modifiers group');
        return this.alternatives(node.alternatives, entry);
      case 'CapturingGroup':
        return this.alternatives(node.alternatives, entry);
      case 'Quantifier':
        return this.quantifier(node.element, node.min, node.max, entry);
      case 'Assertion':
        if (node.kind === 'lookahead' || node.kind === 'lookbehind') {
          this.lookarounds.push({ assertion: node, once: entry.atStart && entry.anchored });
          return ASSERTION;
        }
        if (node.kind === 'start' && !this.flags.multiline)
          return { ...ASSERTION, nullableUnanchored: 0 };
        return ASSERTION;
      case 'Backreference':
        return this.backreference(node);
      default:
        throw new UnmodelledRegex(node.type);
    }
  }

  private position(chars: CharSet): Fragment {
    const p = this.chars.length;
    if (p >= MAX_POSITIONS) throw new UnmodelledRegex('too many positions');
    this.chars.push(chars);
    this.follow.push(new Map());
    const at: RouteCounts = new Map([[p, 1]]);
    return {
      nullable: 0,
      nullableUnanchored: 0,
      nullableFree: false,
      first: at,
      firstUnanchored: at,
      last: at,
      lastFree: new Set([p]),
    };
  }

  /** `element{min,max}`: copies while few, then `element{n}element*`. */
  private quantifier(
    element: AST.QuantifiableElement,
    min: number,
    max: number,
    entry: Entry,
  ): Fragment {
    if (max === 0) return EMPTY;
    // Only a body read at most once can be reached where its quantifier is.
    const first = max === 1 ? entry : ANYWHERE;
    const exact = max !== Number.POSITIVE_INFINITY && max <= MAX_COPIES;
    const required = Math.min(min, MAX_COPIES);
    let out = EMPTY;
    for (let i = 0; i < required; i++) out = this.concat(out, this.element(element, first));
    if (exact) {
      // x{n,m} = x^n (x(x(...)?)?)? : one route per number of iterations.
      let optional = EMPTY;
      for (let i = max - required; i > 0; i--) {
        optional = this.union(EMPTY, this.concat(this.element(element, first), optional));
      }
      return this.concat(out, optional);
    }
    const rest = this.star(this.element(element, first));
    // `x{20}` read as `x{16}x*`: the star stands for required copies, so it can not end the match.
    return this.concat(out, min > MAX_COPIES ? unfree(rest) : rest);
  }

  private star(body: Fragment): Fragment {
    for (const [p, n] of body.last) addScaled(this.follow[p] as RouteCounts, body.first, n);
    return {
      ...EMPTY,
      first: body.first,
      firstUnanchored: body.firstUnanchored,
      last: body.last,
      lastFree: body.lastFree,
    };
  }

  /** Any run of the characters the referenced groups can hold, as long as they can be. */
  private backreference(node: AST.Backreference): Fragment {
    const groups = Array.isArray(node.resolved) ? node.resolved : [node.resolved];
    let chars = CharSet.empty(this.maximum);
    let longest = 0;
    for (const group of groups) {
      chars = chars.union(getConsumedChars(group, this.flags).chars);
      longest = Math.max(longest, getLengthRange(group, this.flags).max);
    }
    const run = (): Fragment => this.position(chars);
    // The run stands for text the reference must match in full: no state inside it ends a match.
    if (longest !== Number.POSITIVE_INFINITY && longest <= MAX_COPIES) {
      let optional = EMPTY;
      for (let i = longest; i > 0; i--) optional = this.union(EMPTY, this.concat(run(), optional));
      return unfree(optional);
    }
    return unfree(this.star(run()));
  }

  private concat(a: Fragment, b: Fragment): Fragment {
    for (const [p, n] of a.last) addScaled(this.follow[p] as RouteCounts, b.first, n);
    return {
      nullable: product(a.nullable, b.nullable),
      nullableUnanchored: product(a.nullableUnanchored, b.nullableUnanchored),
      nullableFree: a.nullableFree && b.nullableFree,
      first: scaled(a.first, 1, b.first, a.nullable),
      firstUnanchored: scaled(a.firstUnanchored, 1, b.firstUnanchored, a.nullableUnanchored),
      last: scaled(b.last, 1, a.last, b.nullable),
      lastFree: b.nullableFree ? union(b.lastFree, a.lastFree) : b.lastFree,
    };
  }

  private union(a: Fragment, b: Fragment): Fragment {
    return {
      nullable: Math.min(SATURATED, a.nullable + b.nullable),
      nullableUnanchored: Math.min(SATURATED, a.nullableUnanchored + b.nullableUnanchored),
      nullableFree: a.nullableFree || b.nullableFree,
      first: scaled(a.first, 1, b.first, 1),
      firstUnanchored: scaled(a.firstUnanchored, 1, b.firstUnanchored, 1),
      last: scaled(a.last, 1, b.last, 1),
      lastFree: union(a.lastFree, b.lastFree),
    };
  }
}

/** The fragment with no route out of it that could end a match unconditionally. */
function unfree(fragment: Fragment): Fragment {
  return { ...fragment, nullableFree: false, lastFree: NONE };
}

/** The group of the atomic idiom `(?=(X))\N` starting at `element`, if it is one. */
function atomicGroup(
  element: AST.Element,
  next: AST.Element | undefined,
): AST.CapturingGroup | undefined {
  if (element.type !== 'Assertion' || element.kind !== 'lookahead' || element.negate)
    return undefined;
  const only = element.alternatives.length === 1 ? element.alternatives[0]?.elements : undefined;
  const group = only?.length === 1 ? only[0] : undefined;
  if (group?.type !== 'CapturingGroup' || next?.type !== 'Backreference') return undefined;
  return next.resolved === group ? group : undefined;
}
