// `hunt --html FILE`: the report written beside whatever -f prints.
import { writeFileSync } from 'node:fs';
import type { HuntReport } from '../../../engine/index.ts';
import { renderHtmlReport } from './render-html.ts';
import { reportData } from './report-data.ts';

export function writeHtmlReport(
  file: string,
  report: HuntReport,
  inputs: readonly string[],
): number {
  const html = renderHtmlReport(reportData(report, inputs, new Date()));
  writeFileSync(file, html);
  return Buffer.byteLength(html);
}
