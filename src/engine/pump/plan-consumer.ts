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
 * A run that holds events (`sort`, `stats values()`), or whose rows are kept by whoever receives
 * them (a table printed at the end), gets the fields it reads with strings of their own.
 */
export class PlanConsumer implements EventConsumer {
  readonly route: RouteFilter;
  readonly stage: EventStage = 'with-knowledge';
  readonly fields: FieldNeed;
  readonly needsRaw: boolean;
  readonly holdsEvents: boolean;
  private readonly run: PlanRun;

  /** `rowsKept`: whether `context.emit`'s receiver keeps rows past the call (default true). */
  constructor(plan: Plan, context: RunContext, options: { readonly rowsKept?: boolean } = {}) {
    this.route = plan.generating ? ROUTE_NONE : routeOfRun(plan);
    this.holdsEvents = options.rowsKept !== false || holdsRows(plan);
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

/** Whether a run of the plan may keep rows past `push`: any stage that is not streaming, any side plan. */
function holdsRows(plan: Plan): boolean {
  return plan.sidePlans.length > 0 || plan.stages.some((stage) => !stage.streaming);
}
