// The leading search filter in a form a router can use: which index/source/sourcetype/EventCode values an event needs.
import type { Event } from '../../core/event.ts';
import { isMultivalue, type Scalar } from '../../core/value.ts';
import type { SearchExpr, SearchValue } from '../ast/search.ts';
import { scalarToNumber, scalarToString } from '../value/number.ts';

/** The fields a router may index events by: Splunk's default fields plus the Windows event id. */
export const ROUTE_FIELDS = ['index', 'source', 'sourcetype', 'EventCode', 'EventID'] as const;
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
 */
export function routeAdmits(route: RouteFilter, event: Event): boolean {
  if (route.kind === 'any') return true;
  if (route.kind === 'none') return false;
  return route.alternatives.some((constraints) =>
    constraints.every((c) => constraintAdmits(c, event)),
  );
}

function constraintAdmits(c: RouteConstraint, event: Event): boolean {
  const value = event[c.field];
  if (value === undefined) return false;
  const candidates = isMultivalue(value) ? value : [value];
  return candidates.some((v) => c.values.some((pattern) => valueAdmits(pattern, v)));
}

function valueAdmits(pattern: string, value: Scalar): boolean {
  const text = scalarToString(value).toLowerCase();
  if (!pattern.includes('*')) {
    if (text === pattern) return true;
    const a = scalarToNumber(value);
    const b = scalarToNumber(pattern);
    return a !== undefined && b !== undefined && a === b;
  }
  const parts = pattern.split('*');
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i === 0) {
      if (!text.startsWith(part)) return false;
      at = part.length;
    } else if (i === parts.length - 1) {
      return text.length - part.length >= at && text.endsWith(part);
    } else {
      const found = text.indexOf(part, at);
      if (found < 0) return false;
      at = found + part.length;
    }
  }
  return true;
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
