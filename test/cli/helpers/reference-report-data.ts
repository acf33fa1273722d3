// The HTML report model as it was built before the report was streamed (the whole ReportData in
// memory, then one JSON.stringify): kept only here, so a test can prove the streamed page is
// byte-identical to it.

import type {
  ReportData,
  ReportFinding,
  ReportRule,
  ReportTechnique,
} from '../../../src/cli/hunt/html/report-model.ts';
import type { Event } from '../../../src/core/index.ts';
import { ATTACK_TACTICS, builtinAttackCatalog, tacticName } from '../../../src/detection/index.ts';
import { type Finding, type HuntReport, SEVERITIES } from '../../../src/engine/index.ts';
import { scalarToString } from '../../../src/spl/index.ts';

/** A field value is cut here (a CommandLine can be 32 KB); the cut is marked with `…`. */
export const MAX_VALUE_CHARS = 400;
/** Key fields kept per finding. */
export const MAX_FIELDS = 10;

/** Fields a reader wants first, in this order; then the search's own fields in its order. */
const KEY_FIELDS = [
  'host',
  'dest',
  'Computer',
  'user',
  'User',
  'SubjectUserName',
  'TargetUserName',
  'Image',
  'process_name',
  'CommandLine',
  'process',
  'ParentImage',
  'ParentCommandLine',
  'TargetFilename',
  'TargetObject',
  'ImageLoaded',
  'QueryName',
  'DestinationHostname',
  'DestinationIp',
  'DestinationPort',
  'TaskName',
  'ServiceName',
  'RiskScore',
];
const HOST_FIELDS = ['host', 'dest', 'Computer', 'dvc'];

function text(value: Event[string]): string | undefined {
  if (value === undefined || value === null) return undefined;
  const joined = (Array.isArray(value) ? value : [value]).map(scalarToString).join('\n');
  return joined.length > MAX_VALUE_CHARS ? `${joined.slice(0, MAX_VALUE_CHARS)}…` : joined;
}

/** Strings kept once, referred to by index. */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

function keyFields(finding: Finding, strings: StringTable): number[] {
  const fields = finding.fields as Event;
  const names = [
    ...KEY_FIELDS.filter((f) => fields[f] !== undefined),
    ...Object.keys(fields).filter((f) => !f.startsWith('_') && !KEY_FIELDS.includes(f)),
  ].slice(0, MAX_FIELDS);
  return names.flatMap((name) => {
    const value = text(fields[name]);
    return value === undefined ? [] : [strings.of(name), strings.of(value)];
  });
}

export function referenceReportData(
  report: HuntReport,
  inputs: readonly string[],
  now: Date,
): ReportData {
  const strings = new StringTable();
  const findings: ReportFinding[] = [];
  const rules = report.detections.map((outcome, ruleIndex): ReportRule => {
    for (const finding of outcome.findings) {
      const fields = finding.fields as Event;
      const host = HOST_FIELDS.map((f) => text(fields[f])).find((h) => h !== undefined && h !== '');
      const h = host === undefined ? -1 : strings.of(host);
      findings.push([
        ruleIndex,
        finding.time ?? null,
        finding.riskScore,
        h,
        keyFields(finding, strings),
      ]);
    }
    return {
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
    };
  });
  const incidents = report.risk.incidents.map((i) => ({
    object: i.riskObject,
    type: i.riskObjectType,
    peak: i.peakTotal,
    start: i.start,
    end: i.end,
    searches: i.searchNames,
    contributions: i.contributions.map(
      (c) =>
        [
          c.time,
          c.score,
          strings.of(c.searchName),
          strings.of(
            c.message.length > MAX_VALUE_CHARS
              ? `${c.message.slice(0, MAX_VALUE_CHARS)}…`
              : c.message,
          ),
        ] as const,
    ),
  }));
  return {
    title: 'spelunk hunt report',
    generated: now.toISOString(),
    inputs,
    events: report.events,
    elapsedSeconds: Math.round(report.elapsedMs) / 1000,
    ran: report.ran,
    levels: SEVERITIES,
    rules,
    strings: strings.strings,
    findings,
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
