// The one pass of a hunt: each event read once, matched by Sigma, routed, given its knowledge once, pushed to its detections.
import type { Event, EventSource } from '../../core/index.ts';
import {
  createKnowledgeApplier,
  type KnowledgeApplier,
  type KnowledgeBase,
  type KnowledgeProgram,
} from '../../knowledge/index.ts';
import { unionNeeds } from '../../spl/index.ts';
import { type EventFlow, writesRouteFields } from '../event-flow.ts';
import type { EventRouter, RouteKind } from './event-router.ts';
import { ownedFields, ownStrings } from './own-strings.ts';
import type { SigmaHuntRun } from './sigma-hunt-run.ts';
import type { SplDetectionRun } from './spl-detection-run.ts';

export interface PassCounters {
  events: number;
}

/** What the events of one kind get: the knowledge program and owned fields for their detections. */
interface KindPlan {
  /** Knowledge for every detection's fields writes a route field: it runs before routing. */
  readonly knowledgeFirst: boolean;
  /** The program for the union of the fields the kind's detections read. */
  readonly program: KnowledgeProgram | undefined;
  readonly owned: readonly string[] | undefined;
}

/**
 * For each event: Sigma rules see it as read; the router names the SPL detections whose filter
 * can keep it (deciding once per kind of event); if any, the field knowledge for the union of
 * the fields *those* detections read is applied once, in place, and the event joins each one's
 * batch. Knowledge that writes a route field (a user's FIELDALIAS onto EventCode) runs before
 * routing instead, with every detection's fields. Detections whose results can no longer change
 * (`head` satisfied) get no more events; when that is every detection and no Sigma rule runs,
 * reading stops.
 */
export async function runHuntPass(
  source: EventSource | undefined,
  runs: readonly SplDetectionRun[],
  sigma: SigmaHuntRun | undefined,
  flow: EventFlow,
  knowledge: KnowledgeBase,
  router: EventRouter,
  counters: PassCounters,
  onBatch: () => void,
): Promise<void> {
  const readers = runs.filter((r) => !r.generating);
  const batches: Event[][] = readers.map(() => []);
  const allOwned = ownedFields(flow.fields);
  // Appliers per set of detections; programs per kind of event. A program depends on the event's
  // sourcetype, source and EventCode (all route fields) unless some stanza is keyed by host.
  const appliers = new Map<
    string,
    { knowledge: KnowledgeApplier; owned: readonly string[] | undefined }
  >();
  const applierFor = (targets: readonly number[]) => {
    const key = targets.join(',');
    let applier = appliers.get(key);
    if (applier === undefined) {
      const need = unionNeeds(targets.map((t) => (readers[t] as SplDetectionRun).fields));
      applier = { knowledge: createKnowledgeApplier(knowledge, need), owned: ownedFields(need) };
      appliers.set(key, applier);
    }
    return applier;
  };
  const kinds = new WeakMap<RouteKind, KindPlan>();
  const planKind = (kind: RouteKind, event: Event): KindPlan => {
    let plan = kinds.get(kind);
    if (plan !== undefined) return plan;
    const applier = kind.targets.length > 0 ? applierFor(kind.targets) : undefined;
    plan = {
      knowledgeFirst: writesRouteFields(flow.knowledge.programFor(event)),
      program: applier?.knowledge.programFor(event),
      owned: applier?.owned,
    };
    if (!knowledge.usesHost) kinds.set(kind, plan);
    return plan;
  };
  if (source !== undefined && (readers.length > 0 || sigma !== undefined)) {
    for await (const batch of source) {
      counters.events += batch.length;
      for (const event of batch) {
        if (sigma !== undefined) {
          router.observeChannel(event);
          sigma.detect(event);
        }
        if (readers.length === 0) continue;
        let kind = router.route(event);
        const plan = planKind(kind, event);
        if (plan.knowledgeFirst) {
          flow.knowledge.programFor(event).apply(event);
          kind = router.route(event);
          if (kind.targets.length === 0) continue;
          ownStrings(event, allOwned);
        } else {
          if (plan.program === undefined) continue;
          plan.program.apply(event);
          ownStrings(event, plan.owned);
        }
        const targets = kind.targets;
        for (let i = 0; i < targets.length; i++) {
          (batches[targets[i] as number] as Event[]).push(event);
        }
      }
      for (let i = 0; i < readers.length; i++) {
        const pending = batches[i] as Event[];
        if (pending.length === 0) continue;
        const run = readers[i] as SplDetectionRun;
        if (run.wantsEvents) run.push(pending);
        batches[i] = [];
      }
      onBatch();
      // Leaving the loop returns the source's iterator: files, stdin and EVTX workers are released.
      if (sigma === undefined && readers.every((r) => !r.wantsEvents)) break;
    }
  }
  for (const run of runs) run.finish();
  sigma?.finish();
}
