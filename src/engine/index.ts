// The engine's public API: hunt, test, search over inputs, risk; what the CLI and the server call.

// The details table (channel and event id → the fields a finding shows), for every view of findings.
export {
  type EventDetails,
  type LoadedEventDetails,
  loadEventDetails,
} from '../knowledge/index.ts';
export { type FilledDrilldown, fillDrilldowns } from './hunt/drilldowns.ts';
export type { Finding } from './hunt/finding.ts';
export { type FindingHooks, FindingSink, RuleFindings } from './hunt/finding-sink.ts';
export { type FindingSource, findingSource } from './hunt/finding-source.ts';
export { HUNT_CODES } from './hunt/hunt-codes.ts';
export type { DetectionOutcome, HuntReport } from './hunt/hunt-report.ts';
export { type HuntRule, huntRuleOfDetection, huntRuleOfSigma } from './hunt/hunt-rule.ts';
export { type HuntOptions, type HuntProgress, runHunt } from './hunt/run-hunt.ts';
export { SigmaHuntRun } from './hunt/sigma-hunt-run.ts';
export { SplDetectionRun } from './hunt/spl-detection-run.ts';
export type { EventConsumer, EventStage } from './pump/event-consumer.ts';
export { createEventPump, type EventPump, type EventPumpOptions } from './pump/event-pump.ts';
export type { SeenOrigin } from './pump/event-router.ts';
export { PlanConsumer } from './pump/plan-consumer.ts';
export { pumpSource } from './pump/pump-source.ts';
export { quoteCsv, renderCsv } from './results/csv-text.ts';
export { formatScalar, formatTime, formatValues } from './results/format-value.ts';
export { ColumnCollector, isShown } from './results/result-columns.ts';
export { type RiskEvent, riskEventRecord } from './risk/risk-event.ts';
export { riskEventsOf } from './risk/risk-events-of.ts';
export {
  DEFAULT_INCIDENT_OPTIONS,
  findIncidents,
  type IncidentOptions,
  type RiskIncident,
} from './risk/risk-incidents.ts';
export { type RiskContribution, RiskLedger } from './risk/risk-ledger.ts';
export { escuSearchName, sigmaSearchName } from './risk/risk-rule.ts';
export { findingTime } from './risk/risk-time.ts';
export {
  type PlanRunSpec,
  type RunOverInputsOptions,
  runPlans,
  runPlansOverInputs,
} from './run-plans.ts';
export { junitXml } from './test-runner/junit-xml.ts';
export { runDetectionTests } from './test-runner/run-detection-tests.ts';
export { summaryLine, type TestResult } from './test-runner/test-report.ts';
export { ExternalSorter, type ExternalSortOptions } from './timeline/external-sort.ts';
export { runTimeline, type Timeline, type TimelineOptions } from './timeline/run-timeline.ts';
export { compareTimelineRows, type TimelineRow, timelineRowOf } from './timeline/timeline-row.ts';
export type { EventTimeRange } from './triage/event-time-range.ts';
export {
  DEFAULT_RULE_STATUSES,
  type LeftOutRules,
  RuleTriage,
  type RuleTriageOptions,
} from './triage/rule-triage.ts';
export {
  parseSeverity,
  SEVERITIES,
  type Severity,
  severityOfRiskScore,
  severityRank,
} from './triage/severity.ts';
export type {
  HostCount,
  LevelSummary,
  RuleCount,
  TriageSummary,
} from './triage/triage-summary.ts';
export { openWorkspace } from './workspace/open-workspace.ts';
export type {
  NotRun,
  RunnableDetection,
  Workspace,
  WorkspaceArea,
  WorkspaceOptions,
} from './workspace/workspace.ts';
