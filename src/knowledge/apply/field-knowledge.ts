// Applies a KnowledgeBase to events for a set of wanted fields, with one program per kind of event.
import type { Event } from '../../core/event.ts';
import type { MaybeValue } from '../../core/value.ts';
import { sourcetypeNamesOf } from '../../ingest/model/sourcetype-aliases.ts';
import type { FieldNeed } from '../../spl/operators/field-need.ts';
import { scalarToString } from '../../spl/value/number.ts';
import type { KnowledgeBase } from '../compile/compile-knowledge.ts';
import {
  buildProgram,
  EMPTY_PROGRAM,
  type KnowledgeProgram,
  selectSteps,
} from './knowledge-program.ts';
import { type EventIdentity, resolveSteps } from './resolve-stanzas.ts';

export interface KnowledgeApplier {
  /** Whether a step that may run reads `_raw` (the readers must then keep it). */
  readonly readsRaw: boolean;
  /** The program for this event's sourcetype/source/host (cached per combination). */
  programFor(event: Event): KnowledgeProgram;
  /** Applies each event's program, in place. */
  apply(events: readonly Event[]): void;
}

/** Distinct sourcetype/source/host combinations kept; past it the cache starts over (hostile input). */
const MAX_CACHED_PROGRAMS = 4096;

/**
 * `need` is what the searches read (Plan.fields): only the steps those fields depend on run;
 * `all` runs everything (`table *`, `spelunk dump`).
 */
export function createKnowledgeApplier(base: KnowledgeBase, need: FieldNeed): KnowledgeApplier {
  const cache = new Map<string, KnowledgeProgram>();
  const programFor = (event: Event): KnowledgeProgram => {
    const sourcetype = textOf(event['sourcetype']);
    const source = textOf(event['source']);
    const host = base.usesHost ? textOf(event['host']) : '';
    const key = `${sourcetype}\u0000${source}\u0000${host}`;
    let program = cache.get(key);
    if (program === undefined) {
      const identity: EventIdentity = {
        sourcetypes: sourcetypeNamesOf(event),
        source,
        host,
      };
      program = buildProgram(selectSteps(resolveSteps(base.stanzas, identity), need));
      if (cache.size >= MAX_CACHED_PROGRAMS) cache.clear();
      cache.set(key, program);
    }
    return program;
  };
  return {
    readsRaw: base.stanzas.some((stanza) =>
      selectSteps(
        [...stanza.classes.values()].flatMap((c) => c.steps),
        need,
      ).some((step) => step.reads.has('_raw')),
    ),
    programFor,
    apply(events) {
      for (const event of events) {
        const program = programFor(event);
        if (program !== EMPTY_PROGRAM) program.apply(event);
      }
    },
  };
}

function textOf(value: MaybeValue): string {
  if (value === undefined) return '';
  return scalarToString(Array.isArray(value) ? (value[0] ?? '') : (value as string | number));
}
