// The engine's public API: hunt, test, search over inputs, risk; what the CLI and the server call.

export { type FilledDrilldown, fillDrilldowns } from './hunt/drilldowns.ts';
export type { Finding } from './hunt/finding.ts';
export { type FindingHooks, FindingSink, RuleFindings } from './hunt/finding-sink.ts';
export { HUNT_CODES } from './hunt/hunt-codes.ts';
export type { DetectionOutcome, HuntReport } from './hunt/hunt-report.ts';
export { type HuntRule, huntRuleOfDetection, huntRuleOfSigma } from './hunt/hunt-rule.ts';
export { type HuntProgress, runHunt } from './hunt/run-hunt.ts';
export { SigmaHuntRun } from './hunt/sigma-hunt-run.ts';
export { SplDetectionRun } from './hunt/spl-detection-run.ts';
export type { EventConsumer, EventStage } from './pump/event-consumer.ts';
export { createEventPump, type EventPump, type EventPumpOptions } from './pump/event-pump.ts';
export type { SeenOrigin } from './pump/event-router.ts';
export { PlanConsumer } from './pump/plan-consumer.ts';
export { pumpSource } from './pump/pump-source.ts';
export { renderCsv } from './results/csv-text.ts';
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
export { openWorkspace } from './workspace/open-workspace.ts';
export type {
  NotRun,
  RunnableDetection,
  Workspace,
  WorkspaceArea,
  WorkspaceOptions,
} from './workspace/workspace.ts';
