// The engine facade: plans + knowledge + input paths → one read of the inputs (flow → open inputs → pump).
import { type InputOptions, type InputSummary, openInputs } from '../ingest/index.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { planEventFlow } from './event-flow.ts';
import { type PlanRunSpec, runPlansOverEvents } from './run-plans.ts';

export interface RunOverInputsOptions {
  readonly knowledge: KnowledgeBase;
  /** How to read the inputs; whether `_raw` is kept is decided here from the plans and knowledge. */
  readonly input?: Omit<InputOptions, 'needRaw'>;
}

/**
 * plan the event flow (fields the plans read → the knowledge they need, whether `_raw` is kept) →
 * open the inputs → pump every batch through routes and knowledge into every plan → finish them.
 * With no paths the plans run on no events (`| makeresults ...`). Returns what was read and
 * skipped, once everything is read.
 */
export async function runPlansOverInputs(
  specs: readonly PlanRunSpec[],
  paths: readonly string[],
  options: RunOverInputsOptions,
): Promise<InputSummary | undefined> {
  const flow = planEventFlow(
    specs.map((spec) => spec.plan),
    options.knowledge,
  );
  const inputs =
    paths.length === 0
      ? undefined
      : await openInputs(paths, { ...options.input, needRaw: flow.needsRaw });
  await runPlansOverEvents(specs, inputs?.source, flow);
  return inputs?.summary();
}
