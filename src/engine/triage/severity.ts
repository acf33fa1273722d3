// A finding's severity: the Sigma rule's level, or an ESCU detection's risk score mapped to the
// same five levels, so both kinds rank, filter (`--min-level`) and summarise together.

/** Lowest first: a level's index is its rank. */
export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** A level's name as a user types it (any case, `info` for informational); undefined if none. */
export function parseSeverity(text: string): Severity | undefined {
  const name = text.trim().toLowerCase();
  if (name === 'info') return 'informational';
  return SEVERITIES.find((s) => s === name);
}

/**
 * contentctl's bands for a detection's severity from its risk score (DetectionTags.severity and
 * rba.severity): 0-20 informational, 21-40 low, 41-60 medium, 61-80 high, 81-100 critical. A
 * detection that raises no risk (a Hunting search) scores 0.
 */
export function severityOfRiskScore(score: number): Severity {
  if (score <= 20) return 'informational';
  if (score <= 40) return 'low';
  if (score <= 60) return 'medium';
  if (score <= 80) return 'high';
  return 'critical';
}

/** An ESCU detection's severity: its highest risk score, in contentctl's bands. */
export function severityOfDetection(detection: {
  readonly riskEntities: readonly { readonly score: number }[];
}): Severity {
  return severityOfRiskScore(Math.max(0, ...detection.riskEntities.map((e) => e.score)));
}
