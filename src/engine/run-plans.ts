// The engine's pump: events → route → field knowledge → every plan's run; reused by `search` and `hunt`.
import type { Event, EventSource } from '../core/index.ts';
import {
  type Plan,
  type PlanRun,
  type RouteFilter,
  type RunContext,
  unionRoutes,
} from '../spl/index.ts';
import { type EventFlow, writesRouteFields } from './event-flow.ts';
import { admitsEvent, routeOfRun } from './route-admission.ts';

export interface PlanRunSpec {
  readonly plan: Plan;
  readonly context: RunContext;
}

interface StartedRun {
  readonly run: PlanRun;
  readonly route: RouteFilter;
}

/**
 * Reads `source` once for every plan. An event no plan's route admits is dropped before its
 * knowledge is computed, unless the knowledge itself writes a field routes look at (a user's
 * FIELDALIAS onto EventCode, say): then the knowledge runs first. Each run gets the events its
 * own route admits; runs copy an event before changing it, so one event object serves them all.
 * Plans that read no events are finished without reading `source`. A run that is done (`| head
 * 10` has its rows) gets no more events, and once every run is done reading stops: leaving the
 * loop returns the source's iterator, which closes files, stdin and EVTX workers.
 */
export async function runPlansOverEvents(
  specs: readonly PlanRunSpec[],
  source: EventSource | undefined,
  flow: EventFlow,
): Promise<void> {
  const runs: StartedRun[] = specs.map((spec) => ({
    run: spec.plan.start(spec.context),
    route: spec.plan.generating ? { kind: 'none' } : routeOfRun(spec.plan),
  }));
  let readers = runs.filter((r) => r.route.kind !== 'none' && !r.run.done);
  if (source !== undefined && readers.length > 0) {
    let anyRoute = unionOfRoutes(readers);
    for await (const batch of source) {
      const kept = prepareBatch(batch, anyRoute, flow);
      if (kept.length === 0) continue;
      if (readers.length === 1) {
        (readers[0] as StartedRun).run.push(kept);
      } else {
        for (const reader of readers) {
          const mine =
            reader.route.kind === 'any' ? kept : kept.filter((e) => admitsEvent(reader.route, e));
          if (mine.length > 0) reader.run.push(mine);
        }
      }
      if (readers.some((r) => r.run.done)) {
        readers = readers.filter((r) => !r.run.done);
        if (readers.length === 0) break;
        anyRoute = unionOfRoutes(readers);
      }
    }
  }
  for (const { run } of runs) run.finish();
}

function unionOfRoutes(readers: readonly StartedRun[]): RouteFilter {
  return readers.reduce<RouteFilter>((route, r) => unionRoutes(route, r.route), { kind: 'none' });
}

function prepareBatch(batch: readonly Event[], route: RouteFilter, flow: EventFlow): Event[] {
  const kept: Event[] = [];
  for (const event of batch) {
    const program = flow.knowledge.programFor(event);
    if (writesRouteFields(program)) {
      program.apply(event);
      if (admitsEvent(route, event)) kept.push(event);
    } else if (admitsEvent(route, event)) {
      program.apply(event);
      kept.push(event);
    }
  }
  return kept;
}
