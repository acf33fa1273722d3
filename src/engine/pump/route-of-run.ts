// Which events may concern a plan: the route filter of the plan and of its side runs.
import { type Plan, type RouteFilter, unionRoutes } from '../../spl/index.ts';

/**
 * The route of a plan and of the subsearches that run beside it in the same pass. Legacy
 * sourcetype names need no special case: the compiler widens `sourcetype=<legacy>` into an
 * alternative the route carries (spl/plan/expand-sourcetype-aliases.ts).
 */
export function routeOfRun(plan: Plan): RouteFilter {
  return plan.sidePlans.reduce((route, side) => unionRoutes(route, routeOfRun(side)), plan.route);
}
