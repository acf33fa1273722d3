// The time windows a store must read for a plan: its own and those of the subsearches that run beside it.
import { hullBounds, type TimeBounds } from '../time/time-bounds.ts';
import type { Plan } from './plan.ts';

/** The smallest `_time` window holding the plan's and every side plan's (event-reading subsearches). */
export function timeBoundsToRead(plan: Plan): TimeBounds {
  return plan.sidePlans.reduce(
    (bounds, side) => hullBounds(bounds, timeBoundsToRead(side)),
    plan.timeBounds,
  );
}

/** The same for `_indextime`. */
export function indexTimeBoundsToRead(plan: Plan): TimeBounds {
  return plan.sidePlans.reduce(
    (bounds, side) => hullBounds(bounds, indexTimeBoundsToRead(side)),
    plan.indexTimeBounds,
  );
}
