// A sound bound on how long V8's backtracking regex engine can take on a pattern, or no bound.
//
// V8 (like PCRE) has no memo: its time is the size of its search tree. For an unanchored search
// that tree is the tree of `[^]*?pattern` from position 0, so if no text puts more than R routes
// in flight at any depth (route-ambiguity.ts, over the position automaton that keeps every
// route), the search takes O(R · m · n) steps on a text of n characters (m: positions): linear.
// If that holds only from one start position, each of the n starts is linear: quadratic.
// Anything else is not proven, and callers run the pattern on a linear-time engine or refuse it.
// Look-around bodies run at each visit: they must have a bounded width and a bounded number of
// routes themselves, so each visit costs a constant.
import { type AST, RegExpParser } from '@eslint-community/regexpp';
import { getLengthRange, type ReadonlyFlags } from 'regexp-ast-analysis';
import {
  buildPositionAutomaton,
  type PositionAutomaton,
  UnmodelledRegex,
} from './position-automaton.ts';
import { maxRoutes } from './route-ambiguity.ts';

/** Routes in flight allowed for a pattern to count as safe (per character, per position). */
export const MAX_ROUTES = 32;

export type BacktrackingCost =
  /** At most `routes` × `positions` steps per character of text. */
  | { readonly kind: 'linear'; readonly routes: number; readonly positions: number }
  /** Linear from each start position: at most `routes` × `positions` × n² steps overall. */
  | { readonly kind: 'quadratic'; readonly routes: number; readonly positions: number }
  | { readonly kind: 'unproven'; readonly reason: string };

export interface RegexShape {
  readonly cost: BacktrackingCost;
  /** Uses look-around or back-references (what linear-time engines lack). */
  readonly needsBacktracking: boolean;
}

/** Deeper group nesting is not analysed (the parser and the analysis recurse per level). */
export const MAX_GROUP_NESTING = 200;

/**
 * Results by flags and source: the same pattern comes back often (a search term repeated, a macro
 * used by many detections, a Sigma value in many rules). Bounded: cleared when full.
 */
const known = new Map<string, RegexShape>();
const MAX_KNOWN = 10_000;
/** Results analysed by this process (not remembered from a cache) since the last `knownShapes`. */
let analysed = 0;

/** `source` and `flags` of a JS RegExp (as `new RegExp(source, flags)` takes them). */
export function backtrackingCost(source: string, flags: string): RegexShape {
  const key = `${flags}/${source}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const shape = analyse(source, flags);
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(key, shape);
  analysed++;
  return shape;
}

/** A result as kept across processes: `flags/source` and its shape. */
export type KnownRegexShape = readonly [key: string, shape: RegexShape];

/**
 * The results known now, and whether any was analysed by this process since the last call (a
 * cache of them then has something to add). The engine keeps them across processes
 * (engine/workspace/regex-verdicts.ts), keyed by this code's fingerprint.
 */
export function knownShapes(): { readonly shapes: KnownRegexShape[]; readonly added: boolean } {
  const added = analysed > 0;
  analysed = 0;
  return { shapes: [...known], added };
}

/** Results of this same code from an earlier process: `backtrackingCost` answers them as is. */
export function rememberShapes(shapes: readonly KnownRegexShape[]): void {
  for (const [key, shape] of shapes) {
    if (known.size >= MAX_KNOWN) return;
    if (!known.has(key)) known.set(key, shape);
  }
}

function analyse(source: string, flags: string): RegexShape {
  if (groupNesting(source) > MAX_GROUP_NESTING) {
    return unproven(`groups nested deeper than ${MAX_GROUP_NESTING} levels are not analysed`, true);
  }
  let pattern: AST.Pattern;
  try {
    pattern = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(source, 0, source.length, {
      unicode: flags.includes('u'),
      unicodeSets: flags.includes('v'),
    });
  } catch (caught) {
    return unproven(`the analysis cannot read it (${(caught as Error).message})`, true);
  }
  const readonly: ReadonlyFlags = {
    ignoreCase: flags.includes('i'),
    multiline: flags.includes('m'),
    dotAll: flags.includes('s'),
    unicode: flags.includes('u'),
    unicodeSets: flags.includes('v'),
  };
  const needsBacktracking = usesBacktrackingFeatures(pattern);
  let automaton: PositionAutomaton;
  try {
    automaton = buildPositionAutomaton(pattern.alternatives, readonly);
    const problem = lookaroundProblem(automaton, readonly);
    if (problem !== undefined) return unproven(problem, needsBacktracking);
  } catch (caught) {
    if (!(caught instanceof UnmodelledRegex)) throw caught;
    return unproven(`the analysis does not model it (${caught.message})`, needsBacktracking);
  }
  const positions = Math.max(1, automaton.chars.length);
  const scanned = maxRoutes({ automaton, start: 'scan', bound: MAX_ROUTES });
  if (scanned !== undefined) {
    return { cost: { kind: 'linear', routes: Math.max(1, scanned), positions }, needsBacktracking };
  }
  const anchored = maxRoutes({ automaton, start: 'anchored', bound: MAX_ROUTES });
  if (anchored !== undefined) {
    return {
      cost: { kind: 'quadratic', routes: Math.max(1, anchored), positions },
      needsBacktracking,
    };
  }
  return unproven(
    'it can backtrack catastrophically: some text gives it more and more ways to match (nested or overlapping quantifiers)',
    needsBacktracking,
  );
}

function unproven(reason: string, needsBacktracking: boolean): RegexShape {
  return { cost: { kind: 'unproven', reason }, needsBacktracking };
}

/** Why a look-around of the automaton (or of one inside it) could make a visit costly. */
function lookaroundProblem(automaton: PositionAutomaton, flags: ReadonlyFlags): string | undefined {
  for (const { assertion, once } of automaton.lookarounds) {
    const written = assertion.raw;
    const unbounded =
      getLengthRange(assertion.alternatives, flags).max === Number.POSITIVE_INFINITY;
    if (unbounded && !once) {
      return `the look-around ${written} can read an unbounded length of text at every position it is tried`;
    }
    const body = buildPositionAutomaton(assertion.alternatives, flags);
    const routes = maxRoutes({
      automaton: body,
      start: 'anchored',
      reversed: assertion.kind === 'lookbehind',
      bound: MAX_ROUTES,
    });
    if (routes === undefined) return `the look-around ${written} can backtrack catastrophically`;
    const inner = lookaroundProblem(body, flags);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function usesBacktrackingFeatures(pattern: AST.Pattern): boolean {
  let found = false;
  const visit = (node: AST.Node): void => {
    if (found) return;
    if (node.type === 'Backreference') found = true;
    else if (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind'))
      found = true;
    else if ('alternatives' in node) for (const a of node.alternatives) visit(a);
    else if (node.type === 'Alternative') for (const e of node.elements) visit(e);
    else if (node.type === 'Quantifier') visit(node.element);
  };
  visit(pattern);
  return found;
}

/** How deeply `(` groups nest in a JS regex source (escapes and classes skipped). */
function groupNesting(source: string): number {
  let depth = 0;
  let deepest = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 92) i++;
    else if (inClass) inClass = c !== 93;
    else if (c === 91) inClass = true;
    else if (c === 40) deepest = Math.max(deepest, ++depth);
    else if (c === 41) depth--;
  }
  return deepest;
}
