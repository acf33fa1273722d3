// What `spelunk test` reports: one result per detection test, and the totals.
export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface TestResult {
  readonly detection: string;
  readonly detectionId: string;
  /** The detection's YAML file. */
  readonly file: string;
  readonly test: string;
  /** `unit`, `benign`, ... (contentctl test types, plus spelunk's benign). */
  readonly kind: string;
  readonly status: TestStatus;
  /** True when the test could not run at all (unreadable data, a search that does not compile): JUnit `<error>`. */
  readonly error: boolean;
  readonly message: string;
  readonly results: number;
  readonly events: number;
  readonly seconds: number;
  /** The attack data files read, or looked for. */
  readonly data: readonly string[];
}

export interface TestRunReport {
  readonly results: readonly TestResult[];
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly seconds: number;
}

export function summarizeTests(results: readonly TestResult[], seconds: number): TestRunReport {
  const count = (status: TestStatus) => results.filter((r) => r.status === status).length;
  return {
    results,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    seconds,
  };
}

/** The closing line CI reads: `N passed, N failed, N skipped`. */
export function summaryLine(report: TestRunReport): string {
  return `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`;
}
