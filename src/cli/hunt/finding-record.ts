// A finding as the JSON and JSON-lines outputs write it.
import {
  type FilledDrilldown,
  type Finding,
  findingSource,
  type HuntRule,
  type TriageSummary,
} from '../../engine/index.ts';
import { rowJsonPieces, rowJsonText, rowToJson } from '../output/json-value.ts';

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** The detection's identity and ATT&CK mapping, as every finding carries it. */
export function ruleRecord(rule: HuntRule): Record<string, JsonValue> {
  return {
    name: rule.name,
    ...(rule.id === undefined ? {} : { id: rule.id }),
    type: rule.type,
    mitre_attack: [...rule.techniques],
    mitre_tactics: [...rule.tactics],
    level: rule.level,
    ...(rule.status === undefined ? {} : { status: rule.status }),
    ...(rule.tags === undefined ? {} : { tags: [...rule.tags] }),
    file: rule.file,
  };
}

export function findingRecord(
  finding: Finding,
  drilldowns?: readonly FilledDrilldown[],
): Record<string, JsonValue> {
  return {
    record: 'finding',
    detection: ruleRecord(finding.rule),
    risk_score: finding.riskScore,
    risk_events: finding.riskEvents,
    time: finding.time ?? null,
    source: sourceRecord(finding),
    fields: rowToJson(finding.fields),
    ...(finding.events === undefined ? {} : { events: finding.events.map(rowToJson) }),
    ...(drilldowns === undefined || drilldowns.length === 0
      ? {}
      : { drilldowns: drilldownRecords(drilldowns) }),
  };
}

function drilldownRecords(drilldowns: readonly FilledDrilldown[]): JsonValue[] {
  return drilldowns.map((d) => ({
    name: d.name,
    search: d.search,
    ...(d.earliest === undefined ? {} : { earliest: d.earliest }),
    ...(d.latest === undefined ? {} : { latest: d.latest }),
    ...(d.now === undefined ? {} : { now: d.now }),
    reads_risk: d.readsRisk,
  }));
}

const ruleJsons = new WeakMap<HuntRule, string>();

/**
 * The last finding's fields and their JSON pieces (`rowJsonPieces`): the rules that match one
 * event give consecutive findings of the same row (a finding's row never changes once found),
 * written once.
 */
let lastFields: Finding['fields'] | undefined;
let lastFieldsHead = '';
let lastFieldsBody = '';

/**
 * `JSON.stringify(findingRecord(finding, drilldowns))`, built from pieces: the detection's part
 * once per detection, the fields by `rowJsonPieces` once per row.
 */
export function findingJson(finding: Finding, drilldowns?: readonly FilledDrilldown[]): string {
  let text = '';
  writeFindingJson(
    (piece) => {
      text += piece;
    },
    finding,
    drilldowns,
  );
  return text;
}

/**
 * `findingJson` given to `sink` in pieces: hunts write every finding this way. The detection's
 * JSON and the row's (most of a finding's text, shared by the findings of one event) are given
 * as they are, never copied into a string of each finding.
 */
export function writeFindingJson(
  sink: (text: string) => void,
  finding: Finding,
  drilldowns?: readonly FilledDrilldown[],
): void {
  let rule = ruleJsons.get(finding.rule);
  if (rule === undefined) {
    rule = JSON.stringify(ruleRecord(finding.rule));
    ruleJsons.set(finding.rule, rule);
  }
  if (finding.fields !== lastFields) {
    [lastFieldsHead, lastFieldsBody] = rowJsonPieces(finding.fields);
    lastFields = finding.fields;
  }
  sink('{"record":"finding","detection":');
  sink(rule);
  sink(
    `,"risk_score":${JSON.stringify(finding.riskScore)},"risk_events":${JSON.stringify(finding.riskEvents)},"time":${JSON.stringify(finding.time ?? null)},"source":${sourceJson(finding)},"fields":`,
  );
  sink(lastFieldsHead);
  if (lastFieldsBody !== '') sink(lastFieldsBody);
  let end = '}';
  if (finding.events !== undefined)
    end += `,"events":[${finding.events.map(rowJsonText).join(',')}]`;
  if (drilldowns !== undefined && drilldowns.length > 0) {
    end += `,"drilldowns":${JSON.stringify(drilldownRecords(drilldowns))}`;
  }
  sink(`${end}}`);
}

/** `JSON.stringify(sourceRecord(finding))` without the object. */
function sourceJson(finding: Finding): string {
  const source = findingSource(finding);
  let text =
    source.file === undefined
      ? `{"files":${JSON.stringify(source.files)}`
      : `{"file":${JSON.stringify(source.file)}`;
  if (source.recordId !== undefined) text += `,"record_id":${JSON.stringify(source.recordId)}`;
  if (source.line !== undefined) text += `,"line":${JSON.stringify(source.line)}`;
  return `${text}}`;
}

/** Where a finding came from: its file and record, or the files an aggregated row read. */
function sourceRecord(finding: Finding): Record<string, JsonValue> {
  const source = findingSource(finding);
  return {
    ...(source.file === undefined ? { files: [...source.files] } : { file: source.file }),
    ...(source.recordId === undefined ? {} : { record_id: source.recordId }),
    ...(source.line === undefined ? {} : { line: source.line }),
  };
}

/** The summary by level as JSON (the hunt's `summary`, the JSON-lines `summary` record). */
export function summaryRecord(summary: TriageSummary): Record<string, JsonValue> {
  return {
    findings: summary.findings,
    first_time: summary.firstTime ?? null,
    last_time: summary.lastTime ?? null,
    levels: summary.levels.map((level) => ({
      level: level.level,
      findings: level.findings,
      rules: level.rules,
      hosts: level.hosts,
      first_time: level.firstTime ?? null,
      last_time: level.lastTime ?? null,
      top_rules: level.topRules.map((r) => ({ name: r.name, id: r.id ?? null, findings: r.count })),
      top_hosts: level.topHosts.map((h) => ({ host: h.host, findings: h.count })),
    })),
    noisy: summary.noisy.map((r) => ({ name: r.name, id: r.id ?? null, findings: r.count })),
  };
}
