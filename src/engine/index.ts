// The engine's public API: hunt, test, search over inputs, risk; what the CLI and the server call.
export { type FilledDrilldown, fillDrilldowns } from './hunt/drilldowns.ts';
export type { Finding } from './hunt/finding.ts';
export { HUNT_CODES } from './hunt/hunt-codes.ts';
export type { DetectionOutcome, HuntReport } from './hunt/hunt-report.ts';
export type { HuntRule } from './hunt/hunt-rule.ts';
export { type HuntSetup, prepareHunt } from './hunt/prepare-hunt.ts';
export { type HuntProgress, runHunt } from './hunt/run-hunt.ts';
export { type RiskEvent, riskEventRecord } from './risk/risk-event.ts';
export { DEFAULT_INCIDENT_OPTIONS, type RiskIncident } from './risk/risk-incidents.ts';
export { runPlansOverInputs } from './run-over-inputs.ts';
export { junitXml } from './test-runner/junit-xml.ts';
export { runDetectionTests } from './test-runner/run-detection-tests.ts';
export { summaryLine, type TestResult } from './test-runner/test-report.ts';
