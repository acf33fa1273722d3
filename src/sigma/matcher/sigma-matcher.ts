// Matches events against a compiled Sigma rule set: route by channel and EventID, scan each field
// once with its automaton (or recall its hits from the value memo), evaluate only the rules a hit
// (or nothing) can make true.
import type { Event } from '../../core/index.ts';
import type { CompiledRule, CompiledSigmaSet, RuleVariant } from '../compile/compile-rules.ts';
import {
  type HitScore,
  literalLengthScore,
  orderForEvaluation,
  type PredicateTree,
} from '../compile/predicate-tree.ts';
import { createMemoBudget } from '../compile/value-memo.ts';
import type { SigmaRule } from '../model/rule.ts';
import { EventPredicates } from './event-predicates.ts';
import {
  type AutomatonCache,
  type AutomatonLibrary,
  buildRouteProgram,
  buildTriggers,
  type ProgramTriggers,
  type ProgramVariant,
  type RouteProgram,
  type TriggerSetOf,
  triggerSetsBy,
} from './route-program.ts';
import { RouteScan } from './route-scan.ts';
import { RouteTable } from './route-table.ts';
import { SigmaFieldNameViews } from './sigma-field-names.ts';
import { TreeCode, type TreeContext } from './tree-code.ts';

export { withSigmaFieldNames } from './sigma-field-names.ts';

export interface SigmaMatch {
  readonly rule: SigmaRule;
  /** Index of the rule in `SigmaMatcher.rules`. */
  readonly ruleIndex: number;
  /** False for rules only correlations use (`generate: false`): feed them on, do not report. */
  readonly report: boolean;
  /** The logsource mapping entry the event matched through. */
  readonly entryName: string;
}

export interface MatcherStats {
  events: number;
  /** Predicate values computed: automaton-decided hits, verifications and direct evaluations. */
  predicateEvaluations: number;
  /** Rule variants whose condition was evaluated. */
  ruleEvaluations: number;
  matches: number;
  /** Route programs built so far (one per distinct set of rule variants a route runs). */
  programs: number;
  /** Distinct automata built so far (routes share equal ones) and the bytes their tables hold. */
  automata: number;
  automatonBytes: number;
  /** Of those, automata taken from the route-program cache instead of built. */
  automataCached: number;
}

/** Where a rule can fire, for routing events to it. */
export interface RuleRoute {
  readonly rule: SigmaRule;
  /** Alternatives; undefined channels/eventIds mean any. */
  readonly routes: readonly {
    readonly channels?: readonly string[];
    readonly eventIds?: readonly string[];
  }[];
}

export interface SigmaMatcher {
  readonly rules: readonly CompiledRule[];
  readonly stats: MatcherStats;
  /** The rules the event matches, in rule order; a shared empty array when none. */
  match(event: Event): readonly SigmaMatch[];
  routes(): readonly RuleRoute[];
  /** Offers the automata built so far to the route-program cache for the next run (if any). */
  persist(): void;
}

export interface SigmaMatcherOptions {
  /**
   * Field values whose automaton hits the matcher remembers, all fields together (default
   * 32,768: under 40 MB whatever the input); 0 scans every value every time.
   */
  readonly memoEntries?: number;
}

const NO_MATCHES: readonly SigmaMatch[] = Object.freeze([]);
const MEMO_ENTRIES = 32_768;

/**
 * The program's variants as the interpreter runs them (replaced when the program adapts). A
 * variant's mapping conditions and tree are compiled into `code` when it is first evaluated
 * (-1 until then): an event evaluates a handful of the route's thousands of variants, and most
 * are never evaluated at all.
 */
interface Runnable {
  readonly code: TreeCode;
  /** The score AND terms are ordered by (rarest first). */
  readonly score: HitScore;
  readonly conditions: Int32Array;
  readonly trees: Int32Array;
}

interface Program {
  readonly program: RouteProgram;
  readonly scan: RouteScan;
  readonly fieldNames: SigmaFieldNameViews;
  readonly context: TreeContext;
  /** Replaced when the program adapts to observed hit rates. */
  triggers: ProgramTriggers;
  runnable: Runnable;
  /** Generation in which each variant became a candidate. */
  readonly variantStamp: Uint32Array;
  events: number;
}

/**
 * Routed events after which a program re-picks its trigger sets and AND orders from how often
 * each predicate actually hit (any choice is correct; rarer triggers mean fewer evaluations).
 */
const ADAPT_AFTER = [1024, 16384] as const;

export function createSigmaMatcher(
  compiled: Pick<CompiledSigmaSet, 'rules' | 'predicates' | 'automata'>,
  options: SigmaMatcherOptions = {},
): SigmaMatcher {
  const { rules, predicates } = compiled;
  const state = new EventPredicates(predicates);
  const ruleStamp = state.stampTable(rules.length);
  const memoEntries = options.memoEntries ?? MEMO_ENTRIES;
  const memoBudget = memoEntries > 0 ? createMemoBudget(memoEntries) : null;
  const stats: MatcherStats = {
    events: 0,
    predicateEvaluations: 0,
    ruleEvaluations: 0,
    matches: 0,
    programs: 0,
    automata: 0,
    automatonBytes: 0,
    automataCached: 0,
  };
  /** Variant indices to evaluate for the current event: `candidates[0 .. candidateCount)`. */
  let candidates = new Int32Array(64);
  let candidateCount = 0;
  const addCandidate = (variant: number): void => {
    if (candidateCount === candidates.length) {
      const grown = new Int32Array(candidates.length * 2);
      grown.set(candidates);
      candidates = grown;
    }
    candidates[candidateCount++] = variant;
  };

  const runnableVariants = (count: number, context: TreeContext, score: HitScore): Runnable => ({
    code: new TreeCode(context),
    score,
    conditions: new Int32Array(count).fill(-1),
    trees: new Int32Array(count).fill(-1),
  });
  const staticScore = literalLengthScore(predicates);
  /** Trees ordered by the static score, once per variant however many routes evaluate it. */
  const staticOrder = oncePerVariant((variant) =>
    orderForEvaluation(variant.tree, predicates, staticScore),
  );
  const ordered = (variant: RuleVariant, score: HitScore): PredicateTree =>
    score === staticScore
      ? staticOrder(variant)
      : orderForEvaluation(variant.tree, predicates, score);
  /** Compiles variant `v` of the program into its runnable's code. */
  const compileVariant = (routed: Program, v: number): void => {
    const { code, score, conditions, trees } = routed.runnable;
    const { variant } = routed.program.variants[v] as ProgramVariant;
    conditions[v] = code.add(variant.conditions);
    trees[v] = code.add(ordered(variant, score));
  };
  // Routes share most variants (the rules without a channel or EventID): their trigger sets under
  // the static score are computed once, not once per route.
  const initialTriggers: TriggerSetOf = oncePerVariant(triggerSetsBy(predicates, staticScore));

  const automata: AutomatonCache = new Map();
  const library = compiled.automata;
  const counted: AutomatonLibrary | undefined = library && {
    find(patterns) {
      const found = library.find(patterns);
      if (found !== undefined) stats.automataCached++;
      return found;
    },
    built: (patterns, automaton) => library.built(patterns, automaton),
    persist: () => library.persist(),
  };
  const buildProgram = (members: readonly ProgramVariant[]): Program => {
    const program = buildRouteProgram(members, predicates, automata, counted, initialTriggers);
    stats.automata = automata.size;
    stats.automatonBytes = 0;
    for (const a of automata.values()) stats.automatonBytes += a.byteSize;
    const scan = new RouteScan(program, state, memoBudget);
    const context: TreeContext = { state, predicates, rangeOf: (field) => scan.rangeOf(field) };
    return {
      program,
      scan,
      fieldNames: new SigmaFieldNameViews(),
      context,
      triggers: program,
      runnable: runnableVariants(members.length, context, staticScore),
      variantStamp: state.stampTable(members.length),
      events: 0,
    };
  };
  const allVariants: ProgramVariant[] = rules.flatMap((r, ruleIndex) =>
    r.variants.map((variant) => ({ ruleIndex, variant })),
  );
  const routes = new RouteTable(allVariants, buildProgram);

  const adapt = (routed: Program): void => {
    // Variants compiled later order their terms by the counts as they are then: any order gives
    // the same result, and a copy of the counts per adaptation would cost memory per route.
    const { hitCounts } = state;
    const score: HitScore = (id) => (hitCounts[id] as number) + 0.5;
    const { variants } = routed.program;
    routed.triggers = buildTriggers(variants, predicates, triggerSetsBy(predicates, score));
    routed.runnable = runnableVariants(variants.length, routed.context, score);
  };

  /** Variants to evaluate: the route's untriggered ones and those a hit triggers, in order. */
  const collectCandidates = function collectCandidates(routed: Program): void {
    const { triggerStart, variantsOf, always } = routed.triggers;
    const { variantStamp } = routed;
    const generation = state.generation;
    const { hits, hitCount } = state;
    candidateCount = 0;
    for (let i = 0; i < always.length; i++) addCandidate(always[i] as number);
    // Hit rates feed the adaptation; past it, counting would only cost a write per hit.
    if (routed.events <= ADAPT_AFTER[1]) {
      const { hitCounts } = state;
      for (let h = 0; h < hitCount; h++) {
        const id = hits[h] as number;
        hitCounts[id] = (hitCounts[id] as number) + 1;
      }
    }
    for (let h = 0; h < hitCount; h++) {
      const id = hits[h] as number;
      const end = triggerStart[id + 1] as number;
      for (let k = triggerStart[id] as number; k < end; k++) {
        const v = variantsOf[k] as number;
        if (variantStamp[v] === generation) continue;
        variantStamp[v] = generation;
        addCandidate(v);
      }
    }
    // Variants are in rule order: sorted candidates yield matches in rule order, each rule
    // through its first matching variant.
    if (candidateCount > 1) sortSmall(candidates, candidateCount);
  };

  const match = function matchEvent(original: Event): readonly SigmaMatch[] {
    stats.events++;
    // Events of one route share their field orders, so each program keeps its own view cache;
    // a view may add Channel or EventID (from `Event ID`), so a view is routed again.
    let routed = routes.programOf(original);
    const event = routed.fieldNames.view(original);
    if (event !== original) routed = routes.programOf(event);
    state.begin(event);
    stats.programs = routes.programCount;
    routed.events++;
    if (routed.events === ADAPT_AFTER[0] || routed.events === ADAPT_AFTER[1]) adapt(routed);
    routed.scan.scan(event);
    collectCandidates(routed);
    const { code, conditions, trees } = routed.runnable;
    const { variants } = routed.program;
    const generation = state.generation;
    let out: SigmaMatch[] | undefined;
    for (let c = 0; c < candidateCount; c++) {
      const v = candidates[c] as number;
      const { ruleIndex, variant } = variants[v] as ProgramVariant;
      if (ruleStamp[ruleIndex] === generation) continue;
      stats.ruleEvaluations++;
      if ((trees[v] as number) < 0) compileVariant(routed, v);
      if (code.run(conditions[v] as number) && code.run(trees[v] as number)) {
        ruleStamp[ruleIndex] = generation;
        const compiledRule = rules[ruleIndex] as CompiledRule;
        out ??= [];
        out.push({
          rule: compiledRule.rule,
          ruleIndex,
          report: compiledRule.report,
          entryName: variant.entryName,
        });
      }
    }
    stats.predicateEvaluations = state.evaluations;
    if (out === undefined) return NO_MATCHES;
    stats.matches += out.length;
    return out;
  };

  return {
    rules,
    stats,
    match,
    routes: () =>
      rules.map((r) => ({
        rule: r.rule,
        routes: r.variants.map((v) => ({
          ...(v.channels ? { channels: v.channels } : {}),
          ...(v.eventIds ? { eventIds: v.eventIds } : {}),
        })),
      })),
    persist: () => library?.persist(),
  };
}

/** Sorts `list[0 .. count)`: insertion sort for the usual handful, the engine's sort past that. */
function sortSmall(list: Int32Array, count: number): void {
  if (count > 16) {
    list.subarray(0, count).sort();
    return;
  }
  for (let i = 1; i < count; i++) {
    const v = list[i] as number;
    let j = i - 1;
    while (j >= 0 && (list[j] as number) > v) {
      list[j + 1] = list[j] as number;
      j--;
    }
    list[j + 1] = v;
  }
}

/** `compute` of each variant, computed once (routes share most variants). */
function oncePerVariant<T>(compute: (variant: RuleVariant) => T): (variant: RuleVariant) => T {
  const computed = new Map<RuleVariant, T>();
  return (variant) => {
    if (computed.has(variant)) return computed.get(variant) as T;
    const value = compute(variant);
    computed.set(variant, value);
    return value;
  };
}
