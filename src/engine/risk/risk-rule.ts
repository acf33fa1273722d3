// What a detection declares about risk, in one shape for SPL detections and Sigma rules.
import type { Detection, RiskEntity, ThreatObject } from '../../detection/index.ts';
import type { RiskAnnotations } from './risk-event.ts';

export interface RiskRule {
  /** ES `search_name`. */
  readonly searchName: string;
  readonly entities: readonly RiskEntity[];
  /** Sigma: a user risk object from the field that fits the event (eventUserField). */
  readonly eventUser?: Omit<RiskEntity, 'field'>;
  readonly threatObjects: readonly ThreatObject[];
  readonly annotations: RiskAnnotations;
  readonly description: string;
}

/** contentctl names a detection's saved search `<app label> - <name> - Rule`; ESCU's label is `ESCU`. */
export function escuSearchName(detectionName: string): string {
  return `ESCU - ${detectionName} - Rule`;
}

export function riskRuleOfDetection(detection: Detection): RiskRule {
  return {
    searchName: escuSearchName(detection.name),
    entities: detection.riskEntities,
    threatObjects: detection.threatObjects,
    annotations: {
      mitreAttack: detection.techniques.map((t) => t.id),
      mitreTactics: [...new Set(detection.techniques.flatMap((t) => t.tactics))],
      analyticStories: detection.analyticStories,
    },
    description: detection.description,
  };
}

/** A Sigma rule's `search_name` on its risk events and in the server's saved searches (docs/risk.md). */
export function sigmaSearchName(title: string): string {
  return `Sigma - ${title}`;
}

/**
 * Sigma rules declare no risk objects: a match raises risk on the event's host (a system) and on
 * its user - the logon's target for logon events, else Sysmon's `User` or the Security log's
 * subject - scored by the rule's level (docs/sigma.md "Findings and risk"), with the rule's
 * title as the message.
 */
export function riskRuleOfSigma(rule: {
  readonly title: string;
  readonly description?: string;
  readonly riskScore: number;
  readonly techniques: readonly string[];
  readonly tactics: readonly string[];
}): RiskRule {
  const message = `${rule.title} on $host$`;
  const score = rule.riskScore;
  return {
    searchName: sigmaSearchName(rule.title),
    entities: [{ field: 'host', type: 'system', score, message }],
    eventUser: { type: 'user', score, message },
    threatObjects: [],
    annotations: {
      mitreAttack: rule.techniques,
      mitreTactics: rule.tactics,
      analyticStories: [],
    },
    description: rule.description ?? '',
  };
}
