// Applies a KnowledgeBase to events for a set of wanted fields, with one program per kind of event.
import { type Event, type MaybeValue, sourcetypeNamesOf } from '../../core/index.ts';
import { type FieldNeed, scalarToString } from '../../spl/index.ts';
import type { KnowledgeBase } from '../compile/compile-knowledge.ts';
import {
  buildProgram,
  EMPTY_PROGRAM,
  type KnowledgeProgram,
  SPECIALIZED_FIELD,
  selectSteps,
  specializeSteps,
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

/** Distinct sourcetype/source/host/EventCode combinations kept; past it the cache starts over (hostile input). */
const MAX_CACHED_PROGRAMS = 4096;

/**
 * `need` is what the searches read (Plan.fields): only the steps those fields depend on run;
 * `all` runs everything (`table *`, `spelunk dump`).
 */
export function createKnowledgeApplier(base: KnowledgeBase, need: FieldNeed): KnowledgeApplier {
  // `sourcetype\0source\0host` → EventCode → program; the last combination is remembered, as
  // consecutive events mostly share it.
  let cache = new Map<string, Map<string, KnowledgeProgram>>();
  let cached = 0;
  let last = { sourcetype: '\u0000', source: '', host: '', code: '', program: EMPTY_PROGRAM };
  const programFor = (event: Event): KnowledgeProgram => {
    const sourcetype = textOf(event['sourcetype']);
    const source = textOf(event['source']);
    const host = base.usesHost ? textOf(event['host']) : '';
    const eventCode = event[SPECIALIZED_FIELD];
    let code = typeof eventCode === 'string' ? eventCode : GENERAL;
    if (
      code === last.code &&
      sourcetype === last.sourcetype &&
      source === last.source &&
      host === last.host
    ) {
      return last.program;
    }
    const identityKey = `${sourcetype}\u0000${source}\u0000${host}`;
    let byCode = cache.get(identityKey);
    if (byCode === undefined) {
      byCode = new Map();
      cache.set(identityKey, byCode);
    }
    let program = byCode.get(code);
    if (program === undefined && byCode.size >= MAX_CODES_PER_SOURCE) {
      // Specialising costs a compile per calculated field: hostile data with endless distinct
      // event codes gets the general program instead.
      code = GENERAL;
      program = byCode.get(code);
    }
    if (program === undefined) {
      const identity: EventIdentity = { sourcetypes: sourcetypeNamesOf(event), source, host };
      const steps = resolveSteps(base.stanzas, identity);
      const specialized = specializeSteps(steps, code === GENERAL ? undefined : code);
      program = buildProgram(selectSteps(specialized, need));
      if (++cached > MAX_CACHED_PROGRAMS) {
        byCode.clear();
        cache = new Map([[identityKey, byCode]]);
        cached = 1;
      }
      byCode.set(code, program);
    }
    last = { sourcetype, source, host, code, program };
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

/** Event codes specialised per sourcetype/source/host; Sysmon has 30, Security a few hundred. */
const MAX_CODES_PER_SOURCE = 512;

/** The cache key of events with no single string EventCode (their programs are not specialised). */
const GENERAL = '\u0000general';

function textOf(value: MaybeValue): string {
  if (value === undefined) return '';
  return scalarToString(Array.isArray(value) ? (value[0] ?? '') : (value as string | number));
}
