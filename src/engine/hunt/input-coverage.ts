// Which detections could not match anything the inputs held: their index/source/sourcetype (or Sigma channel) never occurred.
import { type Diagnostic, warning } from '../../core/index.ts';
import type { RuleRoute } from '../../sigma/index.ts';
import { type RouteConstraint, type RouteFilter, routeAdmits } from '../../spl/index.ts';
import type { SeenOrigin } from '../pump/event-router.ts';
import { HUNT_CODES } from './hunt-codes.ts';

const ORIGIN_FIELDS: ReadonlySet<string> = new Set(['index', 'source', 'sourcetype']);

/**
 * The route without its EventCode/EventID constraints; undefined when some alternative then has
 * no constraint left (it can match any input).
 */
function originRoute(route: RouteFilter): RouteFilter | undefined {
  if (route.kind !== 'alternatives') return undefined;
  const alternatives: RouteConstraint[][] = [];
  for (const alternative of route.alternatives) {
    const kept = alternative.filter((c) => ORIGIN_FIELDS.has(c.field));
    if (kept.length === 0) return undefined;
    alternatives.push(kept);
  }
  return { kind: 'alternatives', alternatives };
}

/** HUNT001 for every SPL detection whose index/source/sourcetype filter matched no input event. */
export function splCoverageWarnings(
  detections: readonly { readonly name: string; readonly route: RouteFilter }[],
  origins: readonly SeenOrigin[],
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const { name, route } of detections) {
    const projected = originRoute(route);
    if (projected === undefined) continue;
    const matched = origins.some((o) =>
      routeAdmits(projected, { index: o.index, source: o.source, sourcetype: o.sourcetype }),
    );
    if (matched) continue;
    warnings.push(
      warning(
        HUNT_CODES.filterMatchesNoInput,
        `detection "${name}" matched none of the inputs: it reads ${describeRoute(projected)}`,
        { notes: [{ message: `the inputs held ${describeOrigins(origins)}` }] },
      ),
    );
  }
  return warnings;
}

/** HUNT002, one per set of channels: Sigma rules whose every logsource names a channel no input had. */
export function sigmaCoverageWarnings(
  routes: readonly RuleRoute[],
  origins: readonly SeenOrigin[],
): Diagnostic[] {
  const seen = new Set(origins.map((o) => o.channel.toLowerCase()));
  const byChannels = new Map<string, string[]>();
  for (const { rule, routes: alternatives } of routes) {
    const needed = alternatives.map((a) => a.channels);
    if (needed.some((c) => c === undefined || c.some((name) => seen.has(name.toLowerCase())))) {
      continue;
    }
    const key = [...new Set(needed.flatMap((c) => c ?? []))].sort().join(', ');
    byChannels.set(key, [...(byChannels.get(key) ?? []), rule.title]);
  }
  return [...byChannels].map(([key, titles]) =>
    warning(
      HUNT_CODES.sigmaChannelsAbsent,
      `${titles.length} Sigma rule${titles.length === 1 ? '' : 's'} read channel ${key}, which none of the inputs had: ${listSome(titles)}`,
    ),
  );
}

function describeRoute(route: RouteFilter): string {
  if (route.kind !== 'alternatives') return route.kind === 'any' ? 'any event' : 'no events';
  return route.alternatives
    .map((alternative) =>
      alternative
        .map((c) =>
          c.values.length === 1
            ? `${c.field}=${c.values[0]}`
            : `${c.field} IN (${c.values.join(', ')})`,
        )
        .join(' '),
    )
    .join(' OR ');
}

function describeOrigins(origins: readonly SeenOrigin[]): string {
  if (origins.length === 0) return 'no events';
  // The channel is not part of what SPL filters are described by: one line per triple.
  const triples = [
    ...new Set(
      origins.map((o) => `index=${o.index} source=${o.source} sourcetype=${o.sourcetype}`),
    ),
  ];
  const shown = triples.slice(0, 5);
  const more = triples.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

function listSome(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((n) => `"${n}"`);
  return names.length > shown.length
    ? `${shown.join(', ')} and ${names.length - shown.length} more`
    : shown.join(', ');
}
