// One row of a timeline: a finding as a responder reads it, Hayabusa- and Chainsaw-style.
import { type MaybeValue, readField } from '../../core/index.ts';
import type { EventDetails } from '../../knowledge/index.ts';
import type { Finding } from '../hunt/finding.ts';
import { findingSource } from '../hunt/finding-source.ts';
import type { Severity } from '../triage/severity.ts';
import { hostOf } from '../triage/triage-summary.ts';

export interface TimelineRow {
  /** Epoch seconds; undefined when the finding has no time (such rows come last). */
  readonly time: number | undefined;
  /** The host: the event's `Computer`/`host`, an ESCU row's `dest`. */
  readonly computer: string;
  readonly channel: string;
  /** `EventID`, else `EventCode`. */
  readonly eventId: string;
  /** The rule's severity (ESCU: from its risk score). */
  readonly level: Severity;
  readonly ruleTitle: string;
  readonly ruleId: string;
  /** `Sigma`, `Sigma correlation`, or the ESCU type (TTP, Anomaly, ...). */
  readonly ruleType: string;
  /** The fields that say what happened (the details table; a result row's own fields). */
  readonly details: string;
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
  /** EventRecordID, when the event has one. */
  readonly recordId: string;
  /** The input file; for a row that aggregates events, the files its search read. */
  readonly file: string;
  /** The line the record starts on in a text input. */
  readonly line: number | undefined;
}

/** Files named for a row that aggregates events; more are counted. */
const FILES_NAMED = 3;

export function timelineRowOf(finding: Finding, details: EventDetails): TimelineRow {
  const { rule, fields } = finding;
  const source = findingSource(finding);
  const event = finding.events?.at(-1) ?? fields;
  return {
    time: finding.time,
    computer: text(readField(event, 'Computer')) ?? hostOf(fields) ?? '',
    channel: text(readField(event, 'Channel')) ?? '',
    eventId: text(readField(event, 'EventID')) ?? text(readField(event, 'EventCode')) ?? '',
    level: rule.level,
    ruleTitle: rule.name,
    ruleId: rule.id ?? '',
    ruleType: rule.type,
    details: details.detailsOf(fields),
    tactics: rule.tactics,
    techniques: rule.techniques,
    recordId: source.recordId ?? '',
    file: source.file ?? filesText(source.files),
    line: source.line,
  };
}

function filesText(files: readonly string[]): string {
  const named = files.slice(0, FILES_NAMED).join('; ');
  const more = files.length - FILES_NAMED;
  return more > 0 ? `${named}; and ${more} more` : named;
}

function text(value: MaybeValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : String(first);
}

/** Time order: untimed rows last; equal times by file, record and rule, so runs agree. */
export function compareTimelineRows(a: TimelineRow, b: TimelineRow): number {
  const at = a.time ?? Number.POSITIVE_INFINITY;
  const bt = b.time ?? Number.POSITIVE_INFINITY;
  if (at !== bt) return at < bt ? -1 : 1;
  return (
    compareText(a.file, b.file) ||
    (Number(a.recordId) || 0) - (Number(b.recordId) || 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.ruleTitle, b.ruleTitle)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
