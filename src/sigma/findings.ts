// What a Sigma detection reports: the rule's identity and ATT&CK tags, a risk score, the events.
import type { SharedEvent } from '../core/index.ts';
import type { CorrelationHit } from './correlation/correlation-stage.ts';
import type { SigmaMatch } from './matcher/sigma-matcher.ts';
import type { SigmaCorrelation, SigmaLevel, SigmaRule, SigmaStatus } from './model/rule.ts';

/**
 * Risk score of a Sigma level, on ESCU's 0–100 scale, so Sigma findings add to the same risk
 * totals as SPL detections (docs/sigma.md "Risk"). A rule without a level scores as informational.
 */
export const LEVEL_RISK_SCORE: Readonly<Record<SigmaLevel, number>> = {
  informational: 10,
  low: 25,
  medium: 50,
  high: 75,
  critical: 100,
};

export interface SigmaFinding {
  readonly kind: 'rule' | 'correlation';
  /** The rule or correlation that found it: one object per document, a key for grouping. */
  readonly document: SigmaRule | SigmaCorrelation;
  readonly id?: string;
  readonly title: string;
  readonly level?: SigmaLevel;
  readonly status?: SigmaStatus;
  readonly tags: readonly string[];
  /** ATT&CK technique ids (`T1059.001`) and tactic names (`execution`) from `attack.*` tags. */
  readonly techniques: readonly string[];
  readonly tactics: readonly string[];
  readonly riskScore: number;
  /** The rule file. */
  readonly source: string;
  /** The matched event (rules) or the contributing events (correlations, the latest ones). */
  readonly events: readonly SharedEvent[];
  /** Correlations: group-by values and the aggregate that fired. */
  readonly group?: Readonly<Record<string, string>>;
  readonly value?: number;
}

type Identity = Omit<SigmaFinding, 'kind' | 'events' | 'group' | 'value'>;

/** A document's identity, built once: findings of one rule share it (tens of thousands a hunt). */
const identities = new WeakMap<SigmaRule | SigmaCorrelation, Identity>();

function identity(doc: SigmaRule | SigmaCorrelation): Identity {
  let known = identities.get(doc);
  if (known === undefined) {
    known = Object.freeze({
      document: doc,
      ...(doc.id === undefined ? {} : { id: doc.id }),
      title: doc.title,
      ...(doc.level === undefined ? {} : { level: doc.level }),
      ...(doc.status === undefined ? {} : { status: doc.status }),
      tags: doc.tags,
      techniques: doc.attack.techniques,
      tactics: doc.attack.tactics,
      riskScore: LEVEL_RISK_SCORE[doc.level ?? 'informational'],
      source: doc.origin.source.name,
    });
    identities.set(doc, known);
  }
  return known;
}

export function findingOfMatch(match: SigmaMatch, event: SharedEvent): SigmaFinding {
  return { kind: 'rule', ...identity(match.rule), events: [event] };
}

export function findingOfCorrelation(hit: CorrelationHit): SigmaFinding {
  return {
    kind: 'correlation',
    ...identity(hit.correlation),
    events: hit.events,
    group: hit.group,
    value: hit.value,
  };
}
