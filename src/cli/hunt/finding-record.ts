// A finding as the JSON, JSON-lines and CSV outputs write it.
import { type Event, writeField } from '../../core/index.ts';
import type { FilledDrilldown, Finding, HuntRule } from '../../engine/index.ts';
import { rowToJson } from '../output/json-value.ts';

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
    ...(rule.level === undefined ? {} : { level: rule.level }),
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
    fields: rowToJson(finding.fields),
    ...(finding.events === undefined ? {} : { events: finding.events.map(rowToJson) }),
    ...(drilldowns === undefined || drilldowns.length === 0
      ? {}
      : {
          drilldowns: drilldowns.map((d) => ({
            name: d.name,
            search: d.search,
            ...(d.earliest === undefined ? {} : { earliest: d.earliest }),
            ...(d.latest === undefined ? {} : { latest: d.latest }),
          })),
        }),
  };
}

/** One CSV row: the detection's identity first, then the fields its search returned. */
export function findingRow(finding: Finding): Event {
  const { rule } = finding;
  const row: Event = {
    detection: rule.name,
    detection_id: rule.id,
    detection_type: rule.type,
    mitre_attack: rule.techniques.length > 1 ? rule.techniques : rule.techniques[0],
    mitre_tactics: rule.tactics.length > 1 ? rule.tactics : rule.tactics[0],
    risk_score: finding.riskScore,
  };
  for (const [name, value] of Object.entries(finding.fields)) {
    if (!Object.hasOwn(row, name) && value !== undefined) writeField(row, name, value);
  }
  return row;
}
