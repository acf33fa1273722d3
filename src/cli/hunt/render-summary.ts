// The triage summary as text: per level, findings, rules and hosts that fired most, first and
// last seen; the noisy rules; what the triage left out and the events outside the time range.
import {
  formatTime,
  type HuntReport,
  type LeftOutRules,
  type LevelSummary,
  type TriageSummary,
} from '../../engine/index.ts';
import { printable } from '../../ingest/index.ts';

export function renderSummary(summary: TriageSummary): string[] {
  if (summary.findings === 0 && summary.noisy.length === 0) return [];
  const span =
    summary.firstTime === undefined || summary.lastTime === undefined
      ? ''
      : `, ${formatTime(summary.firstTime)} to ${formatTime(summary.lastTime)}`;
  const lines = [`== Summary by level: ${count(summary.findings, 'finding')}${span}`];
  for (const level of summary.levels) lines.push(...renderLevel(level));
  if (summary.noisy.length > 0) {
    const noisy = summary.noisy.map(
      (r) => `${printable(r.name)} (${r.count.toLocaleString('en-US')})`,
    );
    lines.push(`   noisy rules, counted, not listed: ${noisy.join('; ')}`);
  }
  return lines;
}

function renderLevel(level: LevelSummary): string[] {
  const rules = level.topRules.map(
    (r) => `${printable(r.name)} (${r.count.toLocaleString('en-US')})`,
  );
  const hosts = level.topHosts.map(
    (h) => `${printable(h.host)} (${h.count.toLocaleString('en-US')})`,
  );
  const moreRules = level.rules - level.topRules.length;
  const moreHosts = level.hosts - level.topHosts.length;
  const seen =
    level.firstTime === undefined || level.lastTime === undefined
      ? 'no time'
      : `first ${formatTime(level.firstTime)}, last ${formatTime(level.lastTime)}`;
  return [
    `   ${level.level.padEnd(13)} ${count(level.findings, 'finding')} from ${count(level.rules, 'rule')} on ${count(level.hosts, 'host')}${level.hostsOverflowed ? '+' : ''}; ${seen}`,
    `      rules: ${rules.join('; ')}${moreRules > 0 ? `; and ${moreRules} more` : ''}`,
    ...(hosts.length === 0
      ? []
      : [`      hosts: ${hosts.join('; ')}${moreHosts > 0 ? `; and ${moreHosts} more` : ''}`]),
  ];
}

/** What the run left aside: rules the triage left out, events outside --start/--end. */
export function renderLeftOut(report: HuntReport): string[] {
  const lines: string[] = [];
  const reasons = leftOutReasons(report.leftOut);
  if (reasons.length > 0) lines.push(`Rules left out: ${reasons.join(', ')}.`);
  if (report.eventsOutsideRange > 0) {
    lines.push(
      `${count(report.eventsOutsideRange, 'event')} outside --start/--end (or without a time) not read by the rules.`,
    );
  }
  return lines;
}

/** `12 below --min-level`, `160 by status (160 experimental; --rule-status)`, ... */
export function leftOutReasons(leftOut: LeftOutRules): string[] {
  const parts: string[] = [];
  if (leftOut.level > 0) parts.push(`${leftOut.level} below --min-level`);
  if (leftOut.status > 0) {
    const statuses = Object.entries(leftOut.byStatus).map(([s, n]) => `${n} ${s}`);
    parts.push(`${leftOut.status} by status (${statuses.join(', ')}; --rule-status)`);
  }
  if (leftOut.excluded > 0) parts.push(`${leftOut.excluded} by --exclude-rules`);
  return parts;
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
