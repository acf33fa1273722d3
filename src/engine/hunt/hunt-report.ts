// What a hunt found: per detection (ranked by risk), risk totals and incidents, what did not run, problems.
import type { Diagnostic } from '../../core/index.ts';
import type { InputSummary } from '../../ingest/index.ts';
import type { IncidentOptions, RiskIncident } from '../risk/risk-incidents.ts';
import type { RiskTotal } from '../risk/risk-ledger.ts';
import type { LeftOutRules } from '../triage/rule-triage.ts';
import { severityRank } from '../triage/severity.ts';
import type { TriageSummary } from '../triage/triage-summary.ts';
import type { NotRun } from '../workspace/workspace.ts';
import type { Finding } from './finding.ts';
import type { HuntRule } from './hunt-rule.ts';

export interface DetectionOutcome {
  readonly rule: HuntRule;
  /** Findings kept for the report, highest risk first (then in the order found). */
  readonly findings: readonly Finding[];
  /** All findings, kept or not. */
  readonly findingCount: number;
  readonly riskTotal: number;
  /** SPL detections: events its filter let through (undefined for Sigma rules). */
  readonly eventsRouted: number | undefined;
  /** Epoch seconds of its first and last finding with a time. */
  readonly firstTime: number | undefined;
  readonly lastTime: number | undefined;
  /** A `--noisy-rules` rule: its findings are counted, not kept or listed. */
  readonly noisy: boolean;
  /** Time span of the events it read: `$info_min_time$`/`$info_max_time$` of its drilldowns. */
  readonly firstEventTime: number | undefined;
  readonly lastEventTime: number | undefined;
}

export interface HuntRisk {
  /** Risk events raised. */
  readonly events: number;
  readonly totals: readonly RiskTotal[];
  readonly incidents: readonly RiskIncident[];
  readonly options: IncidentOptions;
}

export interface HuntReport {
  /** Detections and Sigma rules with findings, ranked (see rankOutcomes). */
  readonly detections: readonly DetectionOutcome[];
  /** How many SPL detections and Sigma rules ran, and how many of them found nothing. */
  readonly ran: { readonly spl: number; readonly sigma: number; readonly quiet: number };
  readonly notRun: readonly NotRun[];
  /** Rules and detections the triage left out, by reason (`--min-level`, `--rule-status`, ...). */
  readonly leftOut: LeftOutRules;
  /** Findings per severity level, with the top rules and hosts, first and last seen. */
  readonly summary: TriageSummary;
  readonly risk: HuntRisk;
  readonly inputs: InputSummary | undefined;
  readonly events: number;
  /** Events read but outside the `--start`/`--end` range (or without a time when one is given). */
  readonly eventsOutsideRange: number;
  readonly elapsedMs: number;
  /** Coverage warnings first, then problems found while running. */
  readonly diagnostics: readonly Diagnostic[];
}

const TYPE_RANK: Readonly<Record<string, number>> = {
  TTP: 0,
  Correlation: 0,
  'Sigma correlation': 1,
  Anomaly: 1,
  Sigma: 2,
  Hunting: 3,
};

/**
 * Highest severity first; then the earliest first finding (untimed last); then TTP before Anomaly
 * before Hunting; more findings; name.
 */
export function rankOutcomes(outcomes: readonly DetectionOutcome[]): DetectionOutcome[] {
  return [...outcomes].sort(
    (a, b) =>
      severityRank(b.rule.level) - severityRank(a.rule.level) ||
      (a.firstTime ?? Number.POSITIVE_INFINITY) - (b.firstTime ?? Number.POSITIVE_INFINITY) ||
      (TYPE_RANK[a.rule.type] ?? 4) - (TYPE_RANK[b.rule.type] ?? 4) ||
      b.findingCount - a.findingCount ||
      a.rule.name.localeCompare(b.rule.name),
  );
}

/** Findings by their risk, highest first; equal risk keeps the search's order. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => b.riskScore - a.riskScore);
}
