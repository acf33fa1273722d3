// A consumer that runs one SPL plan: `search`, each `test`, and a hunt's detections are these.
import type { SharedEvent } from '../../core/index.ts';
import {
  type FieldNeed,
  type Plan,
  type PlanRun,
  ROUTE_NONE,
  type RouteFilter,
  type RunContext,
} from '../../spl/index.ts';
import type { EventConsumer, EventStage } from './event-consumer.ts';
import { routeOfRun } from './route-of-run.ts';

/**
 * The plan's run takes events after field knowledge, routed by its leading search (and its
 * subsearches'); a plan that reads no events (`| makeresults`) is routed none and only finished.
 * Runs may hold events (`sort`, `stats values()`), so the fields they read get their own strings.
 */
export class PlanConsumer implements EventConsumer {
  readonly route: RouteFilter;
  readonly stage: EventStage = 'with-knowledge';
  readonly fields: FieldNeed;
  readonly needsRaw: boolean;
  readonly holdsEvents = true;
  private readonly run: PlanRun;

  constructor(plan: Plan, context: RunContext) {
    this.route = plan.generating ? ROUTE_NONE : routeOfRun(plan);
    this.fields = plan.fields;
    this.needsRaw = !plan.generating && plan.needsRaw;
    this.run = plan.start(context);
  }

  get done(): boolean {
    return this.run.done;
  }

  push(events: readonly SharedEvent[]): void {
    this.run.push(events);
  }

  finish(): void {
    this.run.finish();
  }
}
