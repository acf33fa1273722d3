// What the inputs must provide and how each event is prepared for a set of plans: the knowledge they need.
import {
  createKnowledgeApplier,
  type KnowledgeApplier,
  type KnowledgeBase,
  type KnowledgeProgram,
} from '../knowledge/index.ts';
import { type FieldNeed, type Plan, ROUTE_FIELDS, unionNeeds } from '../spl/index.ts';

export interface EventFlow {
  /** The fields the plans read (their subsearches included): the knowledge computes only these. */
  readonly fields: FieldNeed;
  /** Whether the readers must keep `_raw` (a plan or a knowledge step reads it). */
  readonly needsRaw: boolean;
  readonly knowledge: KnowledgeApplier;
}

/** Plans that read no events (`| makeresults`) need no knowledge. */
export function planEventFlow(plans: readonly Plan[], knowledge: KnowledgeBase): EventFlow {
  const readers = plans.filter((plan) => !plan.generating);
  const fields =
    readers.length === 0 ? new Set<string>() : unionNeeds(readers.map((p) => p.fields));
  const applier = createKnowledgeApplier(knowledge, fields);
  return {
    fields,
    needsRaw: readers.some((plan) => plan.needsRaw) || applier.readsRaw,
    knowledge: applier,
  };
}

const routeWriters = new WeakMap<KnowledgeProgram, boolean>();

/** Whether a program may change a field routes look at (then it runs before routing). */
export function writesRouteFields(program: KnowledgeProgram): boolean {
  let writes = routeWriters.get(program);
  if (writes === undefined) {
    const written = program.writes;
    writes = written === 'dynamic' || ROUTE_FIELDS.some((field) => written.has(field));
    routeWriters.set(program, writes);
  }
  return writes;
}
