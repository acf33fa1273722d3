// Writes a hunt in the chosen format: the readable report, one JSON document, JSON lines (streamed) or CSV.

import {
  type Finding,
  fillDrilldowns,
  type HuntReport,
  type RiskIncident,
  timelineRowOf,
} from '../../engine/index.ts';
import type { TextSink } from '../output/index.ts';
import { createTimelineWriter } from '../timeline/timeline-writer.ts';
import { findingRecord, type JsonValue, ruleRecord, summaryRecord } from './finding-record.ts';
import { type ReportOptions, renderReport } from './render-report.ts';

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
      return { finding() {}, end: (report) => sink(renderReport(report, options)) };
    case 'jsonl':
      return {
        finding: (finding) => sink(`${JSON.stringify(findingRecord(finding))}\n`),
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
      return {
        finding() {},
        end: (report) => sink(`${JSON.stringify(reportRecord(report), null, 2)}\n`),
      };
  }
}

function reportRecord(report: HuntReport): Record<string, JsonValue> {
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
    detections: report.detections.map((outcome) => ({
      ...ruleRecord(outcome.rule),
      findings: outcome.findingCount,
      risk_total: outcome.riskTotal,
      ...(outcome.eventsRouted === undefined ? {} : { events_read: outcome.eventsRouted }),
      results: outcome.findings.map((f) => findingRecord(f, fillDrilldowns(outcome, f))),
    })),
    risk: {
      events: report.risk.events,
      threshold: report.risk.options.threshold,
      window_seconds: report.risk.options.windowSeconds,
      totals: report.risk.totals.map((t) => ({
        risk_object: t.riskObject,
        risk_object_type: t.riskObjectType,
        ...(t.scope === undefined ? {} : { scope: t.scope }),
        total: t.total,
        risk_events: t.count,
        search_names: [...t.searchNames],
        first_time: t.firstTime ?? null,
        last_time: t.lastTime ?? null,
      })),
      incidents: report.risk.incidents.map(incidentRecord),
    },
    not_run: report.notRun.map((n) => ({ name: n.name, reason: n.reason })),
    diagnostics: report.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
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
    contributions: incident.contributions.map((c) => ({
      time: c.time,
      risk_score: c.score,
      search_name: c.searchName,
      risk_message: c.message,
      repeats: c.repeats,
    })),
  };
}
