// What hunt knows about each detection it runs, SPL or Sigma: identity, ATT&CK, risk, drilldowns.
import type { Detection, DrilldownSearch } from '../../detection/index.ts';
import type { SigmaFinding } from '../../sigma/index.ts';
import { type RiskRule, riskRuleOfDetection, riskRuleOfSigma } from '../risk/risk-rule.ts';
import { type Severity, severityOfDetection } from '../triage/severity.ts';

export type HuntRuleKind = 'spl' | 'sigma' | 'sigma-correlation';

export interface HuntRule {
  readonly kind: HuntRuleKind;
  /** Detection name, or the Sigma rule's title. */
  readonly name: string;
  readonly id: string | undefined;
  /** ESCU type (TTP, Anomaly, Hunting, Correlation), or `Sigma` / `Sigma correlation`. */
  readonly type: string;
  readonly techniques: readonly string[];
  readonly tactics: readonly string[];
  /**
   * The severity of its findings: a Sigma rule's level (informational when it has none), an
   * ESCU detection's highest risk score in contentctl's bands.
   */
  readonly level: Severity;
  /** Sigma only. */
  readonly status?: string;
  readonly tags?: readonly string[];
  /** The YAML file it came from. */
  readonly file: string;
  readonly risk: RiskRule;
  readonly drilldowns: readonly DrilldownSearch[];
  /** The search as written, for `%original_detection_search%` (SPL only). */
  readonly search?: string;
  /** The content directory (its macros/ and lookups/ make drilldowns runnable). */
  readonly contentDir?: string;
}

export function huntRuleOfDetection(detection: Detection): HuntRule {
  return {
    kind: 'spl',
    name: detection.name,
    id: detection.id,
    type: detection.type,
    techniques: detection.techniques.map((t) => t.id),
    tactics: [...new Set(detection.techniques.flatMap((t) => t.tactics))],
    level: severityOfDetection(detection),
    file: detection.origin.file.name,
    risk: riskRuleOfDetection(detection),
    drilldowns: detection.drilldowns,
    search: detection.search,
    contentDir: detection.origin.contentDir,
  };
}

export function huntRuleOfSigma(finding: SigmaFinding, description?: string): HuntRule {
  return {
    kind: finding.kind === 'rule' ? 'sigma' : 'sigma-correlation',
    name: finding.title,
    id: finding.id,
    type: finding.kind === 'rule' ? 'Sigma' : 'Sigma correlation',
    techniques: finding.techniques,
    tactics: finding.tactics,
    level: finding.level ?? 'informational',
    ...(finding.status === undefined ? {} : { status: finding.status }),
    tags: finding.tags,
    file: finding.source,
    risk: riskRuleOfSigma({
      title: finding.title,
      riskScore: finding.riskScore,
      techniques: finding.techniques,
      tactics: finding.tactics,
      ...(description === undefined ? {} : { description }),
    }),
    drilldowns: [],
  };
}
