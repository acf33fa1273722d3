// Matches events against a compiled Sigma rule set: route by channel and EventID, scan each field
// once with its automaton, evaluate only the rules a hit (or nothing) can make true.
import type { Event } from '../../core/event.ts';
import { foldCase } from '../compile/case-fold.ts';
import type { CompiledRule, CompiledSigmaSet, RuleVariant } from '../compile/compile-rules.ts';
import { METADATA_FIELDS, textOf } from '../compile/event-values.ts';
import {
  type HitScore,
  literalLengthScore,
  orderForEvaluation,
} from '../compile/predicate-tree.ts';
import type { SigmaRule } from '../model/rule.ts';
import { compileTree, type TreeEvaluator } from './compile-tree.ts';
import {
  buildRouteProgram,
  buildTriggers,
  DECIDES,
  type ProgramTriggers,
  type ProgramVariant,
  type RouteProgram,
} from './route-program.ts';

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
  /** Route programs built so far (one per distinct channel/EventID seen). */
  programs: number;
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

const NO_MATCHES: readonly SigmaMatch[] = Object.freeze([]);

const TRUE = 1;
const FALSE = 2;
const CANDIDATE = 3;

interface RunnableVariant {
  readonly ruleIndex: number;
  readonly entryName: string;
  readonly conditions: TreeEvaluator;
  readonly tree: TreeEvaluator;
}

interface Program {
  readonly program: RouteProgram;
  /** Replaced when the program adapts to observed hit rates. */
  triggers: ProgramTriggers;
  runnable: readonly RunnableVariant[];
  readonly variantStamp: Uint32Array;
  events: number;
}

/**
 * Routed events after which a program re-picks its trigger sets and AND orders from how often
 * each predicate actually hit (any choice is correct; rarer triggers mean fewer evaluations).
 */
const ADAPT_AFTER = [1024, 16384] as const;

export function createSigmaMatcher(compiled: CompiledSigmaSet): SigmaMatcher {
  const { rules, predicates } = compiled;
  const predicateStamp = new Uint32Array(predicates.length);
  const predicateValue = new Uint8Array(predicates.length);
  const indexed = Uint8Array.from(predicates, (p) => (p.index === undefined ? 0 : 1));
  /** Events in which each indexed predicate hit, to adapt trigger choices. */
  const hitCounts = new Uint32Array(predicates.length);
  const ruleStamp = new Uint32Array(rules.length);
  const stats: MatcherStats = {
    events: 0,
    predicateEvaluations: 0,
    ruleEvaluations: 0,
    matches: 0,
    programs: 0,
  };
  let generation = 0;
  let event: Event = {};
  const hits: number[] = [];
  const candidateBuffer: number[] = [];

  const predicate = function evaluatePredicate(id: number): boolean {
    if (predicateStamp[id] === generation) {
      const v = predicateValue[id];
      if (v !== CANDIDATE) return v === TRUE;
    } else {
      predicateStamp[id] = generation;
      if (indexed[id] === 1) {
        predicateValue[id] = FALSE;
        return false;
      }
    }
    stats.predicateEvaluations++;
    const result = (predicates[id] as (typeof predicates)[number]).test(event);
    predicateValue[id] = result ? TRUE : FALSE;
    return result;
  };

  const hit = function recordHit(id: number, decides: boolean): void {
    if (predicateStamp[id] === generation) {
      if (decides && predicateValue[id] === CANDIDATE) predicateValue[id] = TRUE;
      return;
    }
    predicateStamp[id] = generation;
    predicateValue[id] = decides ? TRUE : CANDIDATE;
    if (decides) stats.predicateEvaluations++;
    hitCounts[id] = (hitCounts[id] as number) + 1;
    hits.push(id);
  };

  // Routing: events go to the program of their (channel, EventID); unknown ones share a fallback.
  const allVariants: ProgramVariant[] = rules.flatMap((r, ruleIndex) =>
    r.variants.map((variant) => ({ ruleIndex, variant })),
  );
  const knownChannels = new Set(
    allVariants.flatMap((v) => (v.variant.channels ?? []).map(foldCase)),
  );
  const knownEventIds = new Set(allVariants.flatMap((v) => v.variant.eventIds ?? []));
  const programs = new Map<string, Program>();
  /** Channel text as events spell it → the known folded channel ('' when unknown); bounded. */
  const channelCache = new Map<string, string>();
  /** Known channel → EventID → program: no key string built per event. */
  const programIndex = new Map<string, Map<string, Program>>();

  const routeChannel = (text: string): string => {
    let known = channelCache.get(text);
    if (known === undefined) {
      const folded = foldCase(text);
      known = knownChannels.has(folded) ? folded : '';
      if (channelCache.size < 4096) channelCache.set(text, known);
    }
    return known;
  };

  const programFor = (channel: string, eventId: string): Program => {
    let byEventId = programIndex.get(channel);
    if (byEventId === undefined) {
      byEventId = new Map();
      programIndex.set(channel, byEventId);
    }
    let program = byEventId.get(eventId);
    if (program !== undefined) return program;
    const key = `${channel}\u0000${eventId}`;
    program = programs.get(key);
    if (program === undefined) {
      const members = allVariants.filter(({ variant }) => accepts(variant, channel, eventId));
      const built = buildRouteProgram(members, predicates);
      program = {
        program: built,
        triggers: built,
        runnable: runnableVariants(members, literalLengthScore(predicates)),
        variantStamp: new Uint32Array(members.length),
        events: 0,
      };
      programs.set(key, program);
      stats.programs = programs.size;
    }
    byEventId.set(eventId, program);
    return program;
  };

  const treeContext = { predicate, indexed, hits: () => hits };
  const runnableVariants = (
    members: readonly ProgramVariant[],
    score: HitScore,
  ): RunnableVariant[] =>
    members.map(({ ruleIndex, variant }) => ({
      ruleIndex,
      entryName: variant.entryName,
      conditions: compileTree(variant.conditions, treeContext),
      tree: compileTree(orderForEvaluation(variant.tree, predicates, score), treeContext),
    }));

  const adapt = (program: Program): void => {
    const score: HitScore = (id) => (hitCounts[id] as number) + 0.5;
    const rebuilt = buildTriggers(program.program.variants, predicates, score);
    program.triggers = rebuilt;
    program.runnable = runnableVariants(program.program.variants, score);
  };

  let scanValueLength = 0;
  let scanner: RouteProgram['scanners'][number] | undefined;
  const onHit = function onPattern(pattern: number, end: number): void {
    const s = scanner as RouteProgram['scanners'][number];
    const start = end - (s.patternLength[pattern] as number) + 1;
    for (let k = s.entryStart[pattern] as number; k < (s.entryStart[pattern + 1] as number); k++) {
      const code = s.entryCode[k] as number;
      const anchoring = code & 3;
      if (
        anchoring === 3 ||
        (anchoring === 1 && start === 0) ||
        (anchoring === 2 && end === scanValueLength - 1) ||
        (anchoring === 0 && start === 0 && end === scanValueLength - 1)
      ) {
        hit(s.entryPredicate[k] as number, (code & DECIDES) !== 0);
      }
    }
  };

  const scanValues = (s: RouteProgram['scanners'][number], raw: Event[string]): void => {
    if (raw === undefined) return;
    if (Array.isArray(raw)) {
      for (const v of raw) {
        const text = textOf(v);
        scanValueLength = text.length;
        s.automaton.scan(text, onHit);
      }
    } else {
      const text = typeof raw === 'string' ? raw : String(raw);
      scanValueLength = text.length;
      s.automaton.scan(text, onHit);
    }
  };

  const match = function matchEvent(original: Event): readonly SigmaMatch[] {
    stats.events++;
    const e = withSigmaFieldNames(original);
    generation = (generation + 1) >>> 0;
    if (generation === 0) {
      predicateStamp.fill(0);
      ruleStamp.fill(0);
      for (const p of programs.values()) p.variantStamp.fill(0);
      generation = 1;
    }
    event = e;
    hits.length = 0;
    const channelValue = firstText(e['Channel']);
    const eventId = firstText(e['EventID'] ?? e['EventCode']) ?? '';
    const routed = programFor(
      channelValue === undefined ? '' : routeChannel(channelValue),
      knownEventIds.has(eventId) ? eventId : '',
    );
    routed.events++;
    if (routed.events === ADAPT_AFTER[0] || routed.events === ADAPT_AFTER[1]) adapt(routed);
    const { program, runnable, variantStamp } = routed;
    for (const s of program.scanners) {
      scanner = s;
      if (s.field === null) {
        // Keywords: every value of every content field.
        for (const field in e) {
          if (!METADATA_FIELDS.has(field) && !s.skipFields.has(field)) scanValues(s, e[field]);
        }
      } else scanValues(s, e[s.field]);
    }
    const candidates = candidateBuffer;
    candidates.length = 0;
    const { triggerStart, variantsOf, always } = routed.triggers;
    for (const v of always) candidates.push(v);
    for (const id of hits) {
      const end = triggerStart[id + 1] as number;
      for (let k = triggerStart[id] as number; k < end; k++) {
        const v = variantsOf[k] as number;
        if (variantStamp[v] === generation) continue;
        variantStamp[v] = generation;
        candidates.push(v);
      }
    }
    let out: SigmaMatch[] | undefined;
    for (const v of candidates) {
      const r = runnable[v] as RunnableVariant;
      if (ruleStamp[r.ruleIndex] === generation) continue;
      stats.ruleEvaluations++;
      if (r.conditions() && r.tree()) {
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
    if (out === undefined) return NO_MATCHES;
    stats.matches += out.length;
    return out.length > 1 ? out.sort((a, b) => a.ruleIndex - b.ruleIndex) : out;
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

/**
 * Sigma writes Windows event fields without spaces (`Source Name` → `SourceName`, spec "Field
 * Usage"). Events that carry such names get a view that also answers to the Sigma spelling.
 */
export function withSigmaFieldNames(event: Event): Event {
  let view: Event | undefined;
  for (const key in event) {
    if (key.indexOf(' ') < 0) continue;
    const sigmaName = key.replaceAll(' ', '');
    if (sigmaName in event) continue;
    view ??= Object.create(event) as Event;
    view[sigmaName] = event[key];
  }
  return view ?? event;
}

function accepts(variant: RuleVariant, channel: string, eventId: string): boolean {
  if (variant.channels !== undefined && !variant.channels.some((c) => foldCase(c) === channel))
    return false;
  if (variant.eventIds !== undefined && !variant.eventIds.includes(eventId)) return false;
  return true;
}

function firstText(value: Event[string]): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value))
    return value.length > 0 ? textOf(value[0] as string | number) : undefined;
  return typeof value === 'string' ? value : String(value);
}
