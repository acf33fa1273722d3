// Matches events against a compiled Sigma rule set: route by channel and EventID, scan each field
// once with its automaton (or recall its hits from the value memo), evaluate only the rules a hit
// (or nothing) can make true.
import type { Event } from '../../core/index.ts';
import type { CompiledRule, CompiledSigmaSet } from '../compile/compile-rules.ts';
import {
  type HitScore,
  literalLengthScore,
  orderForEvaluation,
} from '../compile/predicate-tree.ts';
import { createMemoBudget } from '../compile/value-memo.ts';
import type { SigmaRule } from '../model/rule.ts';
import { EventPredicates } from './event-predicates.ts';
import {
  type AutomatonCache,
  buildRouteProgram,
  buildTriggers,
  type ProgramTriggers,
  type ProgramVariant,
  type RouteProgram,
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

interface RunnableVariant {
  readonly ruleIndex: number;
  readonly entryName: string;
  /** Where the variant's mapping conditions and its tree start in the program's code. */
  readonly conditions: number;
  readonly tree: number;
}

/** The program's variants, their trees compiled in one code (replaced when the program adapts). */
interface Runnable {
  readonly code: TreeCode;
  readonly variants: readonly RunnableVariant[];
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
  compiled: Pick<CompiledSigmaSet, 'rules' | 'predicates'>,
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

  const runnableVariants = (
    members: readonly ProgramVariant[],
    context: TreeContext,
    score: HitScore,
  ): Runnable => {
    const code = new TreeCode(
      members.flatMap(({ variant }) => [
        variant.conditions,
        orderForEvaluation(variant.tree, predicates, score),
      ]),
      context,
    );
    return {
      code,
      variants: members.map(({ ruleIndex, variant }, i) => ({
        ruleIndex,
        entryName: variant.entryName,
        conditions: code.starts[2 * i] as number,
        tree: code.starts[2 * i + 1] as number,
      })),
    };
  };

  const automata: AutomatonCache = new Map();
  const buildProgram = (members: readonly ProgramVariant[]): Program => {
    const program = buildRouteProgram(members, predicates, automata);
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
      runnable: runnableVariants(members, context, literalLengthScore(predicates)),
      variantStamp: state.stampTable(members.length),
      events: 0,
    };
  };
  const allVariants: ProgramVariant[] = rules.flatMap((r, ruleIndex) =>
    r.variants.map((variant) => ({ ruleIndex, variant })),
  );
  const routes = new RouteTable(allVariants, buildProgram);

  const adapt = (routed: Program): void => {
    const { hitCounts } = state;
    const score: HitScore = (id) => (hitCounts[id] as number) + 0.5;
    routed.triggers = buildTriggers(routed.program.variants, predicates, score);
    routed.runnable = runnableVariants(routed.program.variants, routed.context, score);
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
    const { code, variants } = routed.runnable;
    const generation = state.generation;
    let out: SigmaMatch[] | undefined;
    for (let c = 0; c < candidateCount; c++) {
      const r = variants[candidates[c] as number] as RunnableVariant;
      if (ruleStamp[r.ruleIndex] === generation) continue;
      stats.ruleEvaluations++;
      if (code.run(r.conditions) && code.run(r.tree)) {
        ruleStamp[r.ruleIndex] = generation;
        const compiledRule = rules[r.ruleIndex] as CompiledRule;
        out ??= [];
        out.push({
          rule: compiledRule.rule,
          ruleIndex: r.ruleIndex,
          report: compiledRule.report,
          entryName: r.entryName,
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
