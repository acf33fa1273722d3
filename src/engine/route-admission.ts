// Whether an event may concern a plan: its route filter, with the legacy sourcetype names an event answers to.
import type { Event } from '../core/event.ts';
import { sourcetypeNamesOf } from '../ingest/model/sourcetype-aliases.ts';
import type { Plan } from '../spl/plan/plan.ts';
import { type RouteFilter, routeAdmits, unionRoutes } from '../spl/plan/route-filter.ts';

/** The route of a plan and of the subsearches that run beside it in the same pass. */
export function routeOfRun(plan: Plan): RouteFilter {
  return plan.sidePlans.reduce((route, side) => unionRoutes(route, routeOfRun(side)), plan.route);
}

/**
 * `routeAdmits`, also trying the legacy sourcetype an event answers to (`sourcetype=XmlWinEventLog:
 * Microsoft-Windows-Sysmon/Operational` for a Sysmon event whose sourcetype is XmlWinEventLog):
 * a router may only ever let more through than the search keeps.
 */
export function admitsEvent(route: RouteFilter, event: Event): boolean {
  if (route.kind !== 'alternatives') return route.kind === 'any';
  if (routeAdmits(route, event)) return true;
  if (!constrainsSourcetype(route)) return false;
  const names = sourcetypeNamesOf(event);
  for (let i = 1; i < names.length; i++) {
    const view: Event = {
      index: event['index'],
      source: event['source'],
      sourcetype: names[i],
      EventCode: event['EventCode'],
      EventID: event['EventID'],
    };
    if (routeAdmits(route, view)) return true;
  }
  return false;
}

const sourcetypeRoutes = new WeakMap<RouteFilter, boolean>();

/** Whether some alternative of the route looks at `sourcetype` (only then can an alias matter). */
function constrainsSourcetype(route: RouteFilter): boolean {
  let constrains = sourcetypeRoutes.get(route);
  if (constrains === undefined) {
    constrains =
      route.kind === 'alternatives' &&
      route.alternatives.some((alternative) => alternative.some((c) => c.field === 'sourcetype'));
    sourcetypeRoutes.set(route, constrains);
  }
  return constrains;
}
