// Event types compiled once: the search as a predicate, its route, its tags and its data-model fields.
import type { Diagnostic, Event, MaybeValue } from '../../../core/index.ts';
import {
  compileExpr,
  compileSearch,
  type RouteFilter,
  routeOfSearch,
  toFieldValue,
} from '../../../spl/index.ts';
import { DATAMODEL_CODES } from '../datamodel-codes.ts';
import type { EventTypeSpec } from '../mappings/event-type.ts';
import { type LocatedText, parseEvalText, parseSearchText } from './parse-text.ts';

/** An event type with where each of its texts is written. */
export interface LocatedEventType {
  readonly spec: EventTypeSpec;
  readonly search: LocatedText;
  /** Field → its expression's text, for each of `spec.fields`. */
  readonly fields: ReadonlyMap<string, LocatedText>;
}

export interface EventTypeField {
  readonly field: string;
  readonly compute: (event: Event) => MaybeValue;
  readonly reads: ReadonlySet<string>;
}

export interface CompiledEventType {
  readonly name: string;
  readonly tags: ReadonlySet<string>;
  readonly test: (event: Event) => boolean;
  /** The fields the search reads. */
  readonly reads: ReadonlySet<string>;
  readonly route: RouteFilter;
  readonly fields: readonly EventTypeField[];
}

export interface CompiledEventTypes {
  readonly eventTypes: readonly CompiledEventType[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Each bad event type is reported and left out; the others compile. */
export function compileEventTypes(located: readonly LocatedEventType[]): CompiledEventTypes {
  const eventTypes: CompiledEventType[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { spec, search, fields } of located) {
    const problems: Diagnostic[] = [];
    const inSearch = (ds: readonly Diagnostic[]) =>
      problems.push(
        ...ds.map((d) => recode(d, DATAMODEL_CODES.badSearch, `event type ${spec.name}`)),
      );
    const parsed = parseSearchText(search, DATAMODEL_CODES.badSearch);
    let test: (event: Event) => boolean = () => true;
    let reads: ReadonlySet<string> = new Set();
    let route: RouteFilter = { kind: 'any' };
    if (!parsed.ok) inSearch(parsed.diagnostics);
    else if (parsed.value !== undefined) {
      const compiled = compileSearch(parsed.value, { source: search.source });
      if (!compiled.ok) inSearch(compiled.diagnostics);
      else {
        test = compiled.value.test;
        reads = compiled.value.fields;
        route = routeOfSearch(parsed.value);
      }
    }
    const computed: EventTypeField[] = [];
    for (const [field, text] of fields) {
      const inField = (ds: readonly Diagnostic[]) =>
        problems.push(
          ...ds.map((d) =>
            recode(d, DATAMODEL_CODES.badField, `event type ${spec.name}, field ${field}`),
          ),
        );
      const expr = parseEvalText(text, DATAMODEL_CODES.badField);
      if (!expr.ok) {
        inField(expr.diagnostics);
        continue;
      }
      const compiled = compileExpr(expr.value, { source: text.source });
      if (!compiled.ok) {
        inField(compiled.diagnostics);
        continue;
      }
      const evaluate = compiled.value.evaluate;
      computed.push({
        field,
        compute: (event) => toFieldValue(evaluate(event)),
        reads: compiled.value.fields,
      });
    }
    if (problems.length > 0) {
      diagnostics.push(...problems);
      continue;
    }
    eventTypes.push({
      name: spec.name,
      tags: new Set(spec.tags.map((t) => t.toLowerCase())),
      test,
      reads,
      route,
      fields: computed,
    });
  }
  return { eventTypes, diagnostics };
}

/** The SPL front end's problem, under the mapping's code, saying which event type it is in. */
function recode(d: Diagnostic, code: string, where: string): Diagnostic {
  if (d.severity !== 'error') return d;
  return { ...d, code, message: `${where}: ${d.message} (${d.code})` };
}
