// The steps one kind of event needs for a set of wanted fields, and their application in Splunk's order.
import { type Event, fieldReader, fieldWriter, type MaybeValue } from '../../core/index.ts';
import type { FieldNeed } from '../../spl/index.ts';
import type { ApplyStep, EvalStep, KnowledgeStep } from '../model/knowledge-step.ts';

export interface KnowledgeProgram {
  /** The steps that run, in order. */
  readonly steps: readonly KnowledgeStep[];
  /** Fields the steps may write (`dynamic` when some names come from the data). */
  readonly writes: ReadonlySet<string> | 'dynamic';
  readonly readsRaw: boolean;
  apply(event: Event): void;
}

/**
 * Keeps only the steps a wanted field depends on. Steps are in run order and a step only reads
 * what earlier steps wrote, so one backward pass suffices: a step is kept when it writes a wanted
 * field (or may write any field), and then the fields it reads become wanted too. With `all`
 * every step is kept.
 */
export function selectSteps(
  steps: readonly KnowledgeStep[],
  need: FieldNeed,
): readonly KnowledgeStep[] {
  if (need === 'all') return steps;
  const wanted = new Set(need);
  const kept: KnowledgeStep[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as KnowledgeStep;
    const writesWanted =
      step.writes === 'dynamic' ? wanted.size > 0 : [...step.writes].some((f) => wanted.has(f));
    if (!writesWanted) continue;
    kept.push(step);
    for (const field of step.reads) wanted.add(field);
  }
  return kept.reverse();
}

/** The field add-ons' calculated fields branch on (`case(EventCode==1, ...)`). */
export const SPECIALIZED_FIELD = 'EventCode';

/**
 * The steps for events whose EventCode is `code`: calculated fields are specialised to it (their
 * dead branches, and the reads those needed, gone). Not done when a step before the calculated
 * fields may change EventCode, or when the event has no single EventCode.
 */
export function specializeSteps(
  steps: readonly KnowledgeStep[],
  code: string | undefined,
): readonly KnowledgeStep[] {
  if (code === undefined) return steps;
  for (const step of steps) {
    if (step.phase === 'EVAL' || step.phase === 'LOOKUP') break;
    if (step.writes === 'dynamic' || step.writes.has(SPECIALIZED_FIELD)) return steps;
  }
  const known = new Map([[SPECIALIZED_FIELD, code]]);
  return steps.map((step) => (step.phase === 'EVAL' ? step.specialize(known) : step));
}

export const EMPTY_PROGRAM: KnowledgeProgram = {
  steps: [],
  writes: new Set(),
  readsRaw: false,
  apply: () => {},
};

export function buildProgram(steps: readonly KnowledgeStep[]): KnowledgeProgram {
  if (steps.length === 0) return EMPTY_PROGRAM;
  const before: ApplyStep[] = [];
  const evals: EvalStep[] = [];
  const after: ApplyStep[] = [];
  let writes: Set<string> | 'dynamic' = new Set();
  for (const step of steps) {
    if (step.phase === 'EVAL') evals.push(step);
    else if (step.phase === 'LOOKUP') after.push(step);
    else before.push(step);
    if (writes !== 'dynamic') {
      if (step.writes === 'dynamic') writes = 'dynamic';
      else for (const field of step.writes) writes.add(field);
    }
  }
  const values: MaybeValue[] = new Array<MaybeValue>(evals.length);
  const evalTargets = evals.map((step) => ({
    read: fieldReader(step.field),
    write: fieldWriter(step.field),
  }));
  return {
    steps,
    writes,
    readsRaw: steps.some((s) => s.reads.has('_raw')),
    apply(event) {
      for (const step of before) step.apply(event);
      // Calculated fields all read the event as it was before any of them wrote.
      for (let i = 0; i < evals.length; i++) values[i] = (evals[i] as EvalStep).compute(event);
      for (let i = 0; i < evals.length; i++) {
        const target = evalTargets[i] as (typeof evalTargets)[number];
        const value = values[i];
        // A null result only matters where the field has a value: absent fields stay absent.
        if (value !== undefined || target.read(event) !== undefined) target.write(event, value);
      }
      for (const step of after) step.apply(event);
    },
  };
}
