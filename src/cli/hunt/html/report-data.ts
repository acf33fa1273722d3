// What the HTML report holds: a hunt's findings reduced to what a reader looks at (rule, time,
// host, risk, severity and a few key fields, each value bounded), the risk incidents with their
// contributions, and what fired per ATT&CK technique. Plain JSON, embedded in the page and drawn
// there as text: nothing in it is ever markup. Built in parts, so the page can be written as a
// stream: the findings are read from the hunt's spool when written, never held as one list.

import { ATTACK_TACTICS, builtinAttackCatalog, tacticName } from '../../../detection/index.ts';
import { type HuntReport, SEVERITIES } from '../../../engine/index.ts';
import { boundedText, reportFindings, StringTable } from './report-findings.ts';
import type { ReportData, ReportFinding, ReportRule, ReportTechnique } from './report-model.ts';

/** ReportData's members before `strings`, in its JSON order. */
export type ReportHead = Pick<
  ReportData,
  'title' | 'generated' | 'inputs' | 'events' | 'elapsedSeconds' | 'ran' | 'levels' | 'rules'
>;
/** ReportData's members after `findings`, in its JSON order. */
export type ReportTail = Omit<ReportData, keyof ReportHead | 'strings' | 'findings'>;

/** ReportData with its findings read on demand: head, strings, findings, tail is its JSON order. */
export interface ReportParts {
  readonly head: ReportHead;
  /** Complete: every string the findings and incidents refer to. */
  readonly strings: readonly string[];
  /** The findings, read again from the report each time it is called. */
  readonly findings: () => Iterable<ReportFinding>;
  readonly tail: ReportTail;
}

export function reportParts(report: HuntReport, inputs: readonly string[], now: Date): ReportParts {
  const strings = new StringTable();
  // A first reading fills the string table (the findings' strings first, as the page expects);
  // the rows themselves are dropped and read again when written.
  for (const _ of reportFindings(report, strings));
  const rules = report.detections.map(
    (outcome): ReportRule => ({
      name: outcome.rule.name,
      id: outcome.rule.id ?? null,
      type: outcome.rule.type,
      level: outcome.rule.level,
      techniques: outcome.rule.techniques,
      tactics: outcome.rule.tactics,
      findings: outcome.findingCount,
      kept: outcome.findings.length,
      risk: outcome.riskTotal,
      file: outcome.rule.file,
    }),
  );
  const incidents = report.risk.incidents.map((i) => ({
    object: i.riskObject,
    type: i.riskObjectType,
    peak: i.peakTotal,
    start: i.start,
    end: i.end,
    searches: i.searchNames,
    contributions: i.contributions.map(
      (c) =>
        [c.time, c.score, strings.of(c.searchName), strings.of(boundedText(c.message))] as const,
    ),
  }));
  const head: ReportHead = {
    title: 'spelunk hunt report',
    generated: now.toISOString(),
    inputs,
    events: report.events,
    elapsedSeconds: Math.round(report.elapsedMs) / 1000,
    ran: report.ran,
    levels: SEVERITIES,
    rules,
  };
  const tail: ReportTail = {
    incidents,
    techniques: techniquesFired(report),
    summary: report.summary.levels.map((l) => ({
      level: l.level,
      findings: l.findings,
      rules: l.rules,
      hosts: l.hosts,
      hostsOverflowed: l.hostsOverflowed,
      firstTime: l.firstTime ?? null,
      lastTime: l.lastTime ?? null,
      topRules: l.topRules.map((r) => r.name),
      topHosts: l.topHosts.map((h) => h.host),
    })),
    noisy: report.summary.noisy.map((r) => ({ name: r.name, count: r.count })),
    riskThreshold: report.risk.options.threshold,
    tactics: Object.values(ATTACK_TACTICS).map((t) => t.name),
  };
  return { head, strings: strings.strings, findings: () => reportFindings(report, strings), tail };
}

/** Each technique that fired: its name (the built-in ATT&CK table), tactics, findings and rules. */
function techniquesFired(report: HuntReport): ReportTechnique[] {
  const catalog = builtinAttackCatalog();
  const fired = new Map<string, { tactics: Set<string>; findings: number; rules: Set<string> }>();
  for (const outcome of report.detections) {
    for (const id of outcome.rule.techniques) {
      let entry = fired.get(id);
      if (entry === undefined) {
        entry = { tactics: new Set(), findings: 0, rules: new Set() };
        fired.set(id, entry);
      }
      entry.findings += outcome.findingCount;
      entry.rules.add(outcome.rule.name);
      // ESCU writes tactic names, Sigma short names (command-and-control): one spelling here.
      for (const t of catalog.techniques.get(id)?.tactics ?? outcome.rule.tactics)
        entry.tactics.add(tacticName(t));
    }
  }
  return [...fired.entries()]
    .map(([id, e]) => ({
      id,
      name: catalog.techniques.get(id)?.name ?? '',
      tactics: [...e.tactics],
      findings: e.findings,
      rules: [...e.rules].sort(),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
