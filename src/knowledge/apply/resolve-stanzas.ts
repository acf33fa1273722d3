// Builds the final knowledge for one event's sourcetype/source/host: matching stanzas layered by Splunk's precedence.
import type { CompiledStanza, KnowledgeClass } from '../compile/compile-props-stanza.ts';
import { type KnowledgeStep, PHASE_ORDER } from '../model/knowledge-step.ts';
import { KIND_RANK } from '../model/stanza-spec.ts';

/** What decides which stanzas apply to an event. */
export interface EventIdentity {
  /** The event's sourcetype first, then any legacy name it also answers to. */
  readonly sourcetypes: readonly string[];
  readonly source: string;
  readonly host: string;
}

interface Match {
  readonly stanza: CompiledStanza;
  /** For sourcetype stanzas: 0 for the event's own sourcetype, 1 for its legacy alias. */
  readonly aliasRank: number;
}

/**
 * props.conf.spec, "[<spec>] stanza precedence" and "Building the final [<spec>] stanza": for a
 * setting given by several matching stanzas, source:: beats host:: beats sourcetype (whatever
 * their priority); within one kind the higher `priority` wins (100 for a literal name, 0 for a
 * pattern), then the name first in ASCII order. A stanza for the event's own sourcetype beats
 * one for its legacy alias (docs/event-model.md, "Sourcetype aliases").
 *
 * The result is every class that applies, ordered as Splunk runs them: by phase (EXTRACT,
 * REPORT, FIELDALIAS, EVAL, LOOKUP), then by class name in ASCII order.
 */
export function resolveSteps(
  stanzas: readonly CompiledStanza[],
  identity: EventIdentity,
): readonly KnowledgeStep[] {
  const matches: Match[] = [];
  for (const stanza of stanzas) {
    const aliasRank = matchRank(stanza, identity);
    if (aliasRank !== undefined) matches.push({ stanza, aliasRank });
  }
  if (matches.length === 0) return [];
  matches.sort(byPrecedence);
  const winners = new Map<string, KnowledgeClass>();
  for (const { stanza } of matches) {
    for (const [key, cls] of stanza.classes) if (!winners.has(key)) winners.set(key, cls);
  }
  const classes = [...winners.values()].sort(
    (a, b) => PHASE_ORDER[a.kind] - PHASE_ORDER[b.kind] || ascii(a.name, b.name),
  );
  return classes.flatMap((cls) => cls.steps);
}

function matchRank(stanza: CompiledStanza, identity: EventIdentity): number | undefined {
  const { spec } = stanza;
  switch (spec.kind) {
    case 'default':
      return 0;
    case 'source':
      return spec.matches(identity.source) ? 0 : undefined;
    case 'host':
      return spec.matches(identity.host) ? 0 : undefined;
    case 'sourcetype': {
      const index = identity.sourcetypes.findIndex((name) => spec.matches(name));
      return index < 0 ? undefined : index;
    }
  }
}

function byPrecedence(a: Match, b: Match): number {
  return (
    KIND_RANK[b.stanza.spec.kind] - KIND_RANK[a.stanza.spec.kind] ||
    b.stanza.priority - a.stanza.priority ||
    a.aliasRank - b.aliasRank ||
    ascii(a.stanza.name, b.stanza.name)
  );
}

function ascii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
