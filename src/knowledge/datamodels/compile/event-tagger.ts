// Which event types an event is, and so its tags; remembered per kind of event when the searches allow.
import type { Event, MaybeValue } from '../../../core/index.ts';
import type { CompiledEventType } from './compile-event-types.ts';

export interface EventClass {
  readonly tags: ReadonlySet<string>;
  readonly types: readonly CompiledEventType[];
}

export type EventTagger = (event: Event) => EventClass;

const NO_CLASS: EventClass = { tags: new Set(), types: [] };

/** Fields every event carries and that repeat across events: a class is remembered by them. */
const IDENTITY_FIELDS = ['index', 'source', 'sourcetype', 'EventCode', 'EventID', 'host'] as const;

/** Distinct identities remembered; past it the memo starts over (hostile data, endless codes). */
const MEMO_SIZE = 4096;

/**
 * When every search reads only identity fields (source, EventCode, ...), the answer is the same
 * for every event with the same identity, so it is computed once per identity; otherwise each
 * event runs the searches.
 */
export function createEventTagger(eventTypes: readonly CompiledEventType[]): EventTagger {
  if (eventTypes.length === 0) return () => NO_CLASS;
  const classify = (event: Event): EventClass => {
    const types = eventTypes.filter((type) => type.test(event));
    if (types.length === 0) return NO_CLASS;
    const tags = new Set<string>();
    for (const type of types) for (const tag of type.tags) tags.add(tag);
    return { tags, types };
  };
  const read = new Set(eventTypes.flatMap((type) => [...type.reads]));
  const identity = IDENTITY_FIELDS.filter((field) => read.has(field));
  if ([...read].some((field) => !(IDENTITY_FIELDS as readonly string[]).includes(field))) {
    return classify;
  }
  let memo = new Map<string, EventClass>();
  // Consecutive events mostly share their identity: the last one is checked first, by value.
  const last: MaybeValue[] = identity.map(() => undefined);
  let lastClass: EventClass | undefined;
  return (event) => {
    if (lastClass !== undefined) {
      let same = true;
      for (let i = 0; i < identity.length; i++) {
        if (event[identity[i] as string] !== last[i]) {
          same = false;
          break;
        }
      }
      if (same) return lastClass;
    }
    let key = '';
    for (const field of identity) key += `${keyPart(event[field])}\u0000`;
    let found = memo.get(key);
    if (found === undefined) {
      found = classify(event);
      if (memo.size >= MEMO_SIZE) memo = new Map();
      memo.set(key, found);
    }
    for (let i = 0; i < identity.length; i++) last[i] = event[identity[i] as string];
    lastClass = found;
    return found;
  };
}

function keyPart(value: MaybeValue): string {
  if (value === undefined) return '\u0001';
  return Array.isArray(value) ? value.join('\u0002') : String(value);
}
