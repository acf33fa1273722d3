// Writes a hunt in the chosen format: the readable report, one JSON document, JSON lines or CSV,
// each written piece by piece (findings as they are found for JSON lines), never as one text.

import {
  type DetectionOutcome,
  type Finding,
  fillDrilldowns,
  type HuntReport,
  type RiskIncident,
  timelineRowOf,
} from '../../engine/index.ts';
import type { TextSink } from '../output/index.ts';
import { createTimelineWriter } from '../timeline/timeline-writer.ts';
import {
  findingRecord,
  type JsonValue,
  ruleRecord,
  summaryRecord,
  writeFindingJson,
} from './finding-record.ts';
import { type ReportOptions, writeReport } from './render-report.ts';

export const HUNT_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
export type HuntFormat = (typeof HUNT_FORMATS)[number];

export interface HuntOutput {
  /** Called for each finding as it is found (jsonl writes it at once). */
  finding(finding: Finding): void;
  /** Called once with the whole report. */
  end(report: HuntReport): void;
}

export function createHuntOutput(
  format: HuntFormat,
  sink: TextSink,
  options: ReportOptions,
): HuntOutput {
  switch (format) {
    case 'table':
      return { finding() {}, end: (report) => writeReport(report, options, sink) };
    case 'jsonl':
      return {
        finding: (finding) => {
          writeFindingJson(sink, finding);
          sink('\n');
        },
        end: (report) => {
          for (const incident of report.risk.incidents) {
            sink(`${JSON.stringify(incidentRecord(incident))}\n`);
          }
          sink(`${JSON.stringify({ record: 'summary', ...summaryRecord(report.summary) })}\n`);
        },
      };
    case 'csv':
      // The timeline's columns (the rule's severity as Level, the details of the event's kind,
      // file and record), in the report's order: detections by severity, then first seen.
      return {
        finding() {},
        end: (report) => {
          const writer = createTimelineWriter('csv', sink);
          for (const outcome of report.detections) {
            for (const finding of outcome.findings) {
              writer.write(timelineRowOf(finding, options.details));
            }
          }
          writer.end();
        },
      };
    case 'json':
      return { finding() {}, end: (report) => writeJsonReport(report, sink) };
  }
}

/**
 * The report as one JSON document, written part by part: the small parts indented as
 * `JSON.stringify(…, null, 2)` writes them, each finding of `results` as one line.
 */
function writeJsonReport(report: HuntReport, sink: TextSink): void {
  sink('{\n');
  writeMembers(reportHead(report), sink);
  sink(report.detections.length === 0 ? '  "detections": [],\n' : '  "detections": [\n');
  report.detections.forEach((outcome, i) => {
    sink('    {\n');
    writeMembers(outcomeRecord(outcome), sink, 6);
    const { findings } = outcome;
    sink(findings.length === 0 ? '      "results": []\n' : '      "results": [\n');
    let j = 0;
    for (const finding of findings) {
      const comma = ++j === findings.length ? '' : ',';
      sink('        ');
      writeFindingJson(sink, finding, fillDrilldowns(outcome, finding));
      sink(`${comma}\n`);
    }
    if (findings.length > 0) sink('      ]\n');
    sink(i === report.detections.length - 1 ? '    }\n' : '    },\n');
  });
  if (report.detections.length > 0) sink('  ],\n');
  writeRisk(report.risk, sink);
  writeMembers(reportTail(report), sink, 2, true);
  sink('}\n');
}

/**
 * The `risk` member, each total and incident written on its own: a hunt with many findings has
 * thousands of incidents (each listing up to 1,000 contributions), more text than a string holds
 * comfortably.
 */
function writeRisk(risk: HuntReport['risk'], sink: TextSink): void {
  sink('  "risk": {\n');
  writeMembers(riskHead(risk), sink, 4);
  writeList('totals', risk.totals, totalRecord, sink, 4, false);
  writeList('incidents', risk.incidents, incidentRecord, sink, 4, true);
  sink('  },\n');
}

/** `"key": [ … ]` as `JSON.stringify(…, null, 2)` writes it, one item's record at a time. */
function writeList<T>(
  key: string,
  items: readonly T[],
  record: (item: T) => Record<string, JsonValue>,
  sink: TextSink,
  depth: number,
  last: boolean,
): void {
  const pad = ' '.repeat(depth);
  const end = last ? '' : ',';
  if (items.length === 0) {
    sink(`${pad}${JSON.stringify(key)}: []${end}\n`);
    return;
  }
  sink(`${pad}${JSON.stringify(key)}: [\n`);
  const inner = `${pad}  `;
  items.forEach((item, i) => {
    const text = JSON.stringify(record(item), null, 2).replaceAll('\n', `\n${inner}`);
    sink(`${inner}${text}${i === items.length - 1 ? '' : ','}\n`);
  });
  sink(`${pad}]${end}\n`);
}

/** `"key": value,` lines `depth` spaces in, values as `JSON.stringify(…, null, 2)` writes them. */
function writeMembers(record: Record<string, JsonValue>, sink: TextSink, depth = 2, last = false) {
  const entries = Object.entries(record);
  const pad = ' '.repeat(depth);
  entries.forEach(([key, value], i) => {
    const text = JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`);
    sink(`${pad}${JSON.stringify(key)}: ${text}${last && i === entries.length - 1 ? '' : ','}\n`);
  });
}

/** The record as `JSON.stringify(…, null, 2)` would write it (tests and small reports). */
export function reportRecord(report: HuntReport): Record<string, JsonValue> {
  return {
    ...reportHead(report),
    detections: report.detections.map((outcome) => ({
      ...outcomeRecord(outcome),
      results: [...outcome.findings].map((f) => findingRecord(f, fillDrilldowns(outcome, f))),
    })),
    risk: {
      ...riskHead(report.risk),
      totals: report.risk.totals.map(totalRecord),
      incidents: report.risk.incidents.map(incidentRecord),
    },
    ...reportTail(report),
  };
}

function reportHead(report: HuntReport): Record<string, JsonValue> {
  return {
    events: report.events,
    inputs: report.inputs?.files.length ?? 0,
    elapsed_seconds: Math.round(report.elapsedMs) / 1000,
    ran: { spl: report.ran.spl, sigma: report.ran.sigma, found_nothing: report.ran.quiet },
    left_out: {
      below_min_level: report.leftOut.level,
      by_status: { ...report.leftOut.byStatus },
      excluded: report.leftOut.excluded,
    },
    events_outside_time_range: report.eventsOutsideRange,
    summary: summaryRecord(report.summary),
  };
}

function riskHead(risk: HuntReport['risk']): Record<string, JsonValue> {
  return {
    events: risk.events,
    threshold: risk.options.threshold,
    window_seconds: risk.options.windowSeconds,
  };
}

function totalRecord(total: HuntReport['risk']['totals'][number]): Record<string, JsonValue> {
  return {
    risk_object: total.riskObject,
    risk_object_type: total.riskObjectType,
    ...(total.scope === undefined ? {} : { scope: total.scope }),
    total: total.total,
    risk_events: total.count,
    search_names: [...total.searchNames],
    first_time: total.firstTime ?? null,
    last_time: total.lastTime ?? null,
  };
}

/** What follows the risk member. */
function reportTail(report: HuntReport): Record<string, JsonValue> {
  return {
    not_run: report.notRun.map((n) => ({ name: n.name, reason: n.reason })),
    diagnostics: report.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  };
}

/** A detection's part of the report, its findings apart. */
function outcomeRecord(outcome: DetectionOutcome): Record<string, JsonValue> {
  return {
    ...ruleRecord(outcome.rule),
    findings: outcome.findingCount,
    risk_total: outcome.riskTotal,
    ...(outcome.eventsRouted === undefined ? {} : { events_read: outcome.eventsRouted }),
  };
}

function incidentRecord(incident: RiskIncident): Record<string, JsonValue> {
  return {
    record: 'risk_incident',
    risk_object: incident.riskObject,
    risk_object_type: incident.riskObjectType,
    ...(incident.scope === undefined ? {} : { scope: incident.scope }),
    risk_score: incident.peakTotal,
    start_time: incident.start,
    end_time: incident.end,
    search_names: [...incident.searchNames],
    risk_events: incident.contributionCount,
    contributions: incident.contributions.map((c) => ({
      time: c.time,
      risk_score: c.score,
      search_name: c.searchName,
      risk_message: c.message,
      repeats: c.repeats,
    })),
  };
}
