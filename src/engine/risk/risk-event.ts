// A risk event as Splunk Enterprise Security's risk action writes it to index=risk.
import { type Event, type SharedEvent, writeField } from '../../core/index.ts';
import type { RiskObjectType } from '../../detection/index.ts';

/** What a risk event says about the detection that raised it (ES `annotations`, story names). */
export interface RiskAnnotations {
  /** ATT&CK technique ids: `annotations.mitre_attack`. */
  readonly mitreAttack: readonly string[];
  /** ATT&CK tactic names: `annotations.mitre_attack.mitre_tactic`. */
  readonly mitreTactics: readonly string[];
  /** Analytic story names: `analyticstories` and `annotations.analytic_story`. */
  readonly analyticStories: readonly string[];
}

export interface RiskEvent {
  /** Epoch seconds (see docs/risk.md, "When a risk event happened"); undefined when the data has none. */
  readonly time: number | undefined;
  /** `ESCU - <detection> - Rule`, as contentctl names the saved search; `Sigma - <title>`. */
  readonly searchName: string;
  readonly riskObject: string;
  readonly riskObjectType: RiskObjectType;
  /**
   * The host a generic account (`SYSTEM`, a machine account) is scoped to: its risk adds up per
   * host, never across hosts (`risk_object_scope` in the record).
   */
  readonly scope?: string;
  /** The result field the risk object came from. */
  readonly riskObjectField: string;
  readonly riskScore: number;
  /** With its `$field$` tokens filled from the result. */
  readonly riskMessage: string;
  readonly threatObjects: readonly { readonly value: string; readonly type: string }[];
  readonly annotations: RiskAnnotations;
  readonly description: string;
  /** The result row that raised it (ES keeps the result's fields on the risk event). */
  readonly result: SharedEvent;
}

/** The index, source type and field names ES gives risk events; `spelunk search index=risk` reads them. */
const RISK_INDEX = 'risk';
/** Splunk's summary-indexing source type: `collect` and the ES risk action write `stash` events. */
const RISK_SOURCETYPE = 'stash';

/**
 * The event `index=risk` holds: the result's fields, then the risk fields over them (ES writes
 * its own fields last). `annotations.*` are flat field names, as Splunk shows them.
 */
export function riskEventRecord(risk: RiskEvent, runId: string): Event {
  const record: Event = {};
  for (const [name, value] of Object.entries(risk.result)) {
    if (value !== undefined && !name.startsWith('_')) writeField(record, name, value);
  }
  const list = (values: readonly string[]) =>
    values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
  const fields: Event = {
    _time: risk.time,
    index: RISK_INDEX,
    source: risk.searchName,
    sourcetype: RISK_SOURCETYPE,
    host: 'spelunk',
    search_name: risk.searchName,
    orig_sid: runId,
    risk_object: risk.riskObject,
    risk_object_type: risk.riskObjectType,
    risk_object_scope: risk.scope,
    risk_object_field: risk.riskObjectField,
    risk_score: risk.riskScore,
    risk_message: risk.riskMessage,
    threat_object: list(risk.threatObjects.map((t) => t.value)),
    threat_object_type: list(risk.threatObjects.map((t) => t.type)),
    'annotations.mitre_attack': list(risk.annotations.mitreAttack),
    'annotations.mitre_attack.mitre_tactic': list(risk.annotations.mitreTactics),
    'annotations.analytic_story': list(risk.annotations.analyticStories),
    analyticstories: list(risk.annotations.analyticStories),
    savedsearch_description: risk.description,
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) delete record[name];
    else record[name] = value;
  }
  return record;
}
