// The short summary printed when the output went to a file (`-o`): what fired, how much, where.
import type { HuntReport } from '../../engine/index.ts';

export function runSummaryLine(report: HuntReport, file: string, rows?: number): string {
  const findings = report.detections.reduce((sum, d) => sum + d.findingCount, 0);
  const levels = report.summary.levels
    .map((l) => `${l.findings.toLocaleString('en-US')} ${l.level}`)
    .join(', ');
  const parts = [
    `${count(report.detections.length, 'detection')} fired`,
    `${count(findings, 'finding')}${levels === '' ? '' : ` (${levels})`}`,
    count(report.risk.incidents.length, 'risk incident'),
  ];
  const what = rows === undefined ? 'report' : `${count(rows, 'timeline row')}`;
  return `spelunk: ${parts.join(', ')}; ${what} written to ${file}`;
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
