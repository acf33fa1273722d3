// Which indexes a search reads: the index values of its route (plan.route), wildcards expanded over
// the indexes the server has; an alternative that names no index reads the default indexes, as
// Splunk's srchIndexesDefault does. A named index the server lacks is reported: the search finds
// nothing in it and says so.

export interface ResolvedIndexes {
  readonly indexes: readonly string[];
  /** Index names the search gives that the server does not have. */
  readonly unknown: readonly string[];
}

export function resolveIndexes(
  routes: readonly RouteFilter[],
  known: readonly string[],
  defaults: readonly string[],
): ResolvedIndexes {
  const chosen = new Set<string>();
  const unknown = new Set<string>();
  const expand = (patterns: readonly string[]) => {
    for (const pattern of patterns) {
      const matches = compileWildcard(pattern.toLowerCase(), SEARCH_WILDCARD);
      // As in Splunk, a wildcard does not reach the internal index (only its own name does).
      const wildcard = pattern.includes('*');
      const found = known.filter(
        (name) => matches(name) && !(wildcard && INTERNAL_INDEXES.has(name)),
      );
      for (const name of found) chosen.add(name);
      if (found.length === 0 && !pattern.includes('*')) unknown.add(pattern);
    }
  };
  for (const route of routes) {
    if (route.kind === 'none') continue;
    if (route.kind === 'any') {
      expand(defaults);
      continue;
    }
    for (const alternative of route.alternatives) {
      const index = alternative.find((c) => c.field === 'index');
      expand(index === undefined ? defaults : index.values);
    }
  }
  return { indexes: [...chosen].sort(), unknown: [...unknown].sort() };
}

import { compileWildcard, type RouteFilter, SEARCH_WILDCARD } from '../../spl/index.ts';
import { INTERNAL_INDEXES } from '../indexes.ts';
