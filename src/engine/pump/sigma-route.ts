// The route of a Sigma rule set in the pump's one router: the channels its logsources name.
import type { CompiledSigmaSet } from '../../sigma/index.ts';
import { ROUTE_ANY, type RouteFilter } from '../../spl/index.ts';

/** Channel names the router compares as SPL routes do (lower-cased): plain ASCII only. */
const PLAIN_CHANNEL = /^[\x20-\x7e]+$/;

/**
 * Every rule variant the logsource mapping gave a channel can only fire on events of that channel
 * (the matcher routes them so too), so the set needs only events whose `Channel` is one of them.
 * A variant with no channel, or a channel the router's case-insensitive comparison may not fold
 * as Sigma does (non-ASCII), makes the set take every event. Event ids are not part of the route:
 * the matcher also reads them from fields spelled with a space (`Event ID`).
 */
export function sigmaRoute(compiled: CompiledSigmaSet): RouteFilter {
  const channels = new Set<string>();
  for (const rule of compiled.rules) {
    for (const variant of rule.variants) {
      if (variant.channels === undefined || variant.channels.length === 0) return ROUTE_ANY;
      for (const channel of variant.channels) {
        if (!PLAIN_CHANNEL.test(channel)) return ROUTE_ANY;
        channels.add(channel.toLowerCase());
      }
    }
  }
  if (channels.size === 0) return ROUTE_ANY;
  const values = [...channels];
  return {
    kind: 'alternatives',
    alternatives: [[{ field: 'Channel', values, wildcard: values.some((v) => v.includes('*')) }]],
  };
}
