// SPL plans over events and over input paths: the pump configured with one consumer per plan
// (`search`, each `test`, the bench).
import type { EventSource } from '../core/index.ts';
import { type InputOptions, type InputSummary, openInputs } from '../ingest/index.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import type { Plan, RunContext } from '../spl/index.ts';
import { createEventPump } from './pump/event-pump.ts';
import { PlanConsumer } from './pump/plan-consumer.ts';
import { pumpSource } from './pump/pump-source.ts';

export interface PlanRunSpec {
  readonly plan: Plan;
  readonly context: RunContext;
  /** Whether `context.emit`'s receiver keeps rows past the call (default true). */
  readonly rowsKept?: boolean;
}

/**
 * Reads `source` once for every plan: each run gets the events its route admits, after the field
 * knowledge it needs. Plans that read no events are finished without reading; once every run is
 * done (`| head 10` has its rows) reading stops.
 */
export async function runPlans(
  specs: readonly PlanRunSpec[],
  source: EventSource | undefined,
  knowledge: KnowledgeBase,
): Promise<void> {
  const pump = createEventPump(
    specs.map((spec) => new PlanConsumer(spec.plan, spec.context, spec)),
    { knowledge },
  );
  await pumpSource(pump, source);
}

export interface RunOverInputsOptions {
  readonly knowledge: KnowledgeBase;
  /** How to read the inputs; whether `_raw` is kept is decided from the plans and knowledge. */
  readonly input?: Omit<InputOptions, 'needRaw'>;
}

/**
 * consumers for the plans → the pump (whether readers keep `_raw`) → open the inputs → pump every
 * batch → finish. With no paths the plans run on no events (`| makeresults ...`). Returns what
 * was read and skipped, once everything is read.
 */
export async function runPlansOverInputs(
  specs: readonly PlanRunSpec[],
  paths: readonly string[],
  options: RunOverInputsOptions,
): Promise<InputSummary | undefined> {
  const pump = createEventPump(
    specs.map((spec) => new PlanConsumer(spec.plan, spec.context, spec)),
    { knowledge: options.knowledge },
  );
  const inputs =
    paths.length === 0
      ? undefined
      : await openInputs(paths, { ...options.input, needRaw: pump.needsRaw });
  await pumpSource(pump, inputs?.source);
  return inputs?.summary();
}
