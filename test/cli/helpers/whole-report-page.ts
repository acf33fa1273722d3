// The HTML report's page rendered whole in memory: the report's parts gathered into one
// ReportData and encoded with one JSON.stringify. The streamed page (write-html-report.ts) must be
// byte for byte this; tests also render hand-made models (hostile values) through it.

import { htmlPage, scriptSafe } from '../../../src/cli/hunt/html/render-html.ts';
import { reportParts } from '../../../src/cli/hunt/html/report-data.ts';
import type { ReportData } from '../../../src/cli/hunt/html/report-model.ts';
import type { HuntReport } from '../../../src/engine/index.ts';

/** The report's whole model, its members in the page's JSON order. */
export function wholeReportData(
  report: HuntReport,
  inputs: readonly string[],
  now: Date,
): ReportData {
  const parts = reportParts(report, inputs, now);
  return { ...parts.head, strings: parts.strings, findings: [...parts.findings()], ...parts.tail };
}

/** The page of `data` as one string. */
export function renderWholePage(data: ReportData, assetsDir: string): string {
  const page = htmlPage(data.title, data.generated, assetsDir);
  return page.before + scriptSafe(JSON.stringify(data)) + page.after;
}
