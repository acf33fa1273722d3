// The leading search filter in a form a router can use: which index/source/sourcetype/EventCode values an event needs.
import { type Event, isMultivalue, type Scalar } from '../../core/index.ts';
import type { SearchExpr, SearchValue } from '../ast/search.ts';
import { compileWildcard, SEARCH_WILDCARD } from '../search/wildcard-pattern.ts';
import { scalarToNumber, scalarToString } from '../value/number.ts';

/**
 * The fields a router may index events by: Splunk's default fields, the Windows event log channel
 * (what Sigma's logsources select) and the Windows event id.
 */
export const ROUTE_FIELDS = [
  'index',
  'source',
  'sourcetype',
  'Channel',
  'EventCode',
  'EventID',
] as const;
export type RouteField = (typeof ROUTE_FIELDS)[number];

/** `field` must equal one of `values` (case-insensitive; `*` is a wildcard). */
export interface RouteConstraint {
  readonly field: RouteField;
  /** As written in the search, lower-cased. */
  readonly values: readonly string[];
  /** True when some value holds `*`: a router cannot look these up in a hash. */
  readonly wildcard: boolean;
}

/**
 * An over-approximation of the leading search: an event that matches no alternative can never
 * be kept by it, so a router may skip giving it to the plan. `any`: no useful constraint;
 * `none`: the plan reads no events. Alternatives are OR-ed, constraints in one are AND-ed.
 */
export type RouteFilter =
  | { readonly kind: 'any' }
  | { readonly kind: 'none' }
  | {
      readonly kind: 'alternatives';
      readonly alternatives: readonly (readonly RouteConstraint[])[];
    };

export const ROUTE_ANY: RouteFilter = { kind: 'any' };
export const ROUTE_NONE: RouteFilter = { kind: 'none' };

/** More alternatives than this and the route says `any`: a router gains nothing from them. */
const MAX_ALTERNATIVES = 64;

/** Reads the route out of a leading search clause. */
export function routeOfSearch(expr: SearchExpr | undefined): RouteFilter {
  if (expr === undefined) return ROUTE_ANY;
  const alternatives = dnf(expr);
  return alternatives === undefined ? ROUTE_ANY : { kind: 'alternatives', alternatives };
}

/** undefined = unconstrained. */
function dnf(expr: SearchExpr): RouteConstraint[][] | undefined {
  switch (expr.kind) {
    case 'SearchComparison':
      return expr.op === '=' ? constraint(expr.field, [expr.value]) : undefined;
    case 'SearchIn':
      return constraint(expr.field, expr.values);
    case 'SearchAnd': {
      let result: RouteConstraint[][] | undefined;
      for (const operand of expr.operands) {
        const part = dnf(operand);
        if (part === undefined) continue;
        if (result === undefined) {
          result = part;
          continue;
        }
        if (result.length * part.length > MAX_ALTERNATIVES) continue; // dropping a conjunct only widens
        result = result.flatMap((left) => part.map((right) => [...left, ...right]));
      }
      return result;
    }
    case 'SearchOr': {
      const result: RouteConstraint[][] = [];
      for (const operand of expr.operands) {
        const part = dnf(operand);
        if (part === undefined) return undefined;
        result.push(...part);
      }
      return result.length > MAX_ALTERNATIVES ? undefined : result;
    }
    case 'SearchNot':
    case 'SearchTerm':
    case 'SearchSubsearch':
      return undefined;
  }
}

function constraint(
  field: string,
  values: readonly SearchValue[],
): RouteConstraint[][] | undefined {
  if (!(ROUTE_FIELDS as readonly string[]).includes(field)) return undefined;
  const texts = values.map((v) => v.text.toLowerCase());
  return [
    [{ field: field as RouteField, values: texts, wildcard: texts.some((t) => t.includes('*')) }],
  ];
}

/**
 * Whether `event` may pass the route. Looser than the search itself on purpose: text compares
 * case-insensitively with `*` wildcards, and numeric-looking values also compare as numbers.
 * Routers call this once per event and plan, so each route is compiled once (hash sets for
 * exact values) and lower-cased route-field values are cached across events.
 */
export function routeAdmits(route: RouteFilter, event: Event): boolean {
  if (route.kind === 'any') return true;
  if (route.kind === 'none') return false;
  let compiled = compiledRoutes.get(route);
  if (compiled === undefined) {
    compiled = route.alternatives.map((constraints) => constraints.map(compileConstraint));
    compiledRoutes.set(route, compiled);
  }
  for (const alternative of compiled) {
    let all = true;
    for (const test of alternative) {
      if (!test(event)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

type ConstraintTest = (event: Event) => boolean;

const compiledRoutes = new WeakMap<RouteFilter, readonly (readonly ConstraintTest[])[]>();

function compileConstraint(c: RouteConstraint): ConstraintTest {
  const exact = new Set(c.values.filter((v) => !v.includes('*')));
  const numbers = new Set(
    [...exact].map((v) => scalarToNumber(v)).filter((n): n is number => n !== undefined),
  );
  const patterns = c.values
    .filter((v) => v.includes('*'))
    .map((v) => compileWildcard(v, SEARCH_WILDCARD));
  const admits = (value: Scalar): boolean => {
    const text = lowered(value);
    if (exact.has(text)) return true;
    if (numbers.size > 0) {
      const n = scalarToNumber(value);
      if (n !== undefined && numbers.has(n)) return true;
    }
    for (const pattern of patterns) if (pattern(text)) return true;
    return false;
  };
  const field = c.field;
  return (event) => {
    const value = event[field];
    if (value === undefined) return false;
    if (!isMultivalue(value)) return admits(value);
    for (const v of value) if (admits(v)) return true;
    return false;
  };
}

/** Route-field values repeat across events (one index, a few sourcetypes and event codes). */
const LOWERED_CACHE_SIZE = 4096;
let loweredCache = new Map<Scalar, string>();

function lowered(value: Scalar): string {
  let text = loweredCache.get(value);
  if (text === undefined) {
    text = scalarToString(value).toLowerCase();
    if (loweredCache.size >= LOWERED_CACHE_SIZE) loweredCache = new Map();
    loweredCache.set(value, text);
  }
  return text;
}

/** A route admitting what either admits (a plan and its side plans). */
export function unionRoutes(a: RouteFilter, b: RouteFilter): RouteFilter {
  if (a.kind === 'none') return b;
  if (b.kind === 'none') return a;
  if (a.kind === 'any' || b.kind === 'any') return ROUTE_ANY;
  const alternatives = [...a.alternatives, ...b.alternatives];
  return alternatives.length > MAX_ALTERNATIVES
    ? ROUTE_ANY
    : { kind: 'alternatives', alternatives };
}
