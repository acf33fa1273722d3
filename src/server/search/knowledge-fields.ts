// What field knowledge means for reading the index: the fields a search needs from the store (its
// own plus those knowledge computes them from), whether knowledge reads `_raw`, and which fields
// knowledge may write (the store cannot filter or count on those: their stored value is not the
// one the search sees).

export interface KnowledgeFields {
  /** True when some step may write any field (names from the data). */
  readonly writesAny: boolean;
  readonly written: ReadonlySet<string>;
  /** The stored fields to fetch for what the plans read: 'all' when they read every field. */
  storedFor(need: FieldNeed): ReadonlySet<string> | 'all';
}

export function knowledgeFields(base: KnowledgeBase): KnowledgeFields {
  const steps: KnowledgeStep[] = base.stanzas.flatMap((stanza) =>
    [...stanza.classes.values()].flatMap((c) => c.steps),
  );
  const written = new Set<string>();
  let writesAny = false;
  for (const step of steps) {
    if (step.writes === 'dynamic') writesAny = true;
    else for (const field of step.writes) written.add(field);
  }
  return {
    writesAny,
    written,
    storedFor(need) {
      if (need === 'all') return 'all';
      // Over every stanza, whichever applies to an event: a step that may write a wanted field
      // makes what it reads wanted too, until nothing changes.
      const wanted = new Set(need);
      for (let changed = true; changed; ) {
        changed = false;
        for (const step of steps) {
          const relevant =
            step.writes === 'dynamic'
              ? wanted.size > 0
              : [...step.writes].some((f) => wanted.has(f));
          if (!relevant) continue;
          for (const field of step.reads) {
            if (!wanted.has(field)) {
              wanted.add(field);
              changed = true;
            }
          }
        }
      }
      return wanted;
    },
  };
}

import type { KnowledgeBase, KnowledgeStep } from '../../knowledge/index.ts';
import type { FieldNeed } from '../../spl/index.ts';
