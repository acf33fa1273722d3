// The one pass of a hunt: each event read once, matched by Sigma, routed, given its knowledge once, pushed to its detections.
import type { Event, EventSource } from '../../core/event.ts';
import { type EventFlow, writesRouteFields } from '../event-flow.ts';
import type { EventRouter } from './event-router.ts';
import type { SigmaHuntRun } from './sigma-hunt-run.ts';
import type { SplDetectionRun } from './spl-detection-run.ts';

export interface PassCounters {
  events: number;
}

/**
 * For each event: Sigma rules see it as read; the router names the SPL detections whose filter
 * can keep it (deciding once per kind of event); if any, the field knowledge for the union of
 * the fields they read is applied once, in place, and the event joins each one's batch. Knowledge
 * that writes a route field (a user's FIELDALIAS onto EventCode) runs before routing instead.
 * Detections whose results can no longer change (`head` satisfied) get no more events.
 */
export async function runHuntPass(
  source: EventSource | undefined,
  runs: readonly SplDetectionRun[],
  sigma: SigmaHuntRun | undefined,
  flow: EventFlow,
  router: EventRouter,
  counters: PassCounters,
  onBatch: () => void,
): Promise<void> {
  const readers = runs.filter((r) => !r.generating);
  const batches: Event[][] = readers.map(() => []);
  if (source !== undefined && (readers.length > 0 || sigma !== undefined)) {
    for await (const batch of source) {
      counters.events += batch.length;
      for (const event of batch) {
        router.observe(event);
        sigma?.detect(event);
        if (readers.length === 0) continue;
        const program = flow.knowledge.programFor(event);
        let targets: readonly number[];
        if (writesRouteFields(program)) {
          program.apply(event);
          targets = router.route(event);
        } else {
          targets = router.route(event);
          if (targets.length > 0) program.apply(event);
        }
        for (let i = 0; i < targets.length; i++)
          (batches[targets[i] as number] as Event[]).push(event);
      }
      for (let i = 0; i < readers.length; i++) {
        const pending = batches[i] as Event[];
        if (pending.length === 0) continue;
        const run = readers[i] as SplDetectionRun;
        if (run.wantsEvents) run.push(pending);
        batches[i] = [];
      }
      onBatch();
    }
  }
  for (const run of runs) run.finish();
  sigma?.finish();
}
