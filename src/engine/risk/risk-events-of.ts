// A finding's risk events: one per risk entity and value of its field, as the ES risk action creates them.
import type { SharedEvent } from '../../core/index.ts';
import type { RiskEntity } from '../../detection/index.ts';
import { fillTokens } from './field-tokens.ts';
import type { RiskEvent } from './risk-event.ts';
import {
  eventUserField,
  hostOfRow,
  isGenericAccount,
  presentValues,
  riskObjectValues,
} from './risk-object-values.ts';
import type { RiskRule } from './risk-rule.ts';

/**
 * A risk entity whose field is absent, empty, the text `null` (what `fillnull value=null` and
 * tstats write for a missing by-field; contentctl treats it as absent) or a placeholder (`-`,
 * `unknown`, `N/A`) raises no risk. A multivalue field raises one risk event per distinct value.
 * A user that is a generic account (`SYSTEM`, a machine account) is scoped to the row's host.
 * Threat objects ride along on every risk event of the row.
 */
export function riskEventsOf(
  rule: RiskRule,
  row: SharedEvent,
  time: number | undefined,
): RiskEvent[] {
  const entities = entitiesOf(rule, row);
  if (entities.length === 0) return [];
  const threatObjects =
    rule.threatObjects.length === 0
      ? NO_THREAT_OBJECTS
      : rule.threatObjects.flatMap((threat) =>
          presentValues(row, threat.field).map((value) => ({ value, type: threat.type })),
        );
  const events: RiskEvent[] = [];
  for (const entity of entities) {
    const values = riskObjectValues(row, entity.field);
    if (values.length === 0) continue;
    const message = fillTokens(entity.message, row);
    for (const value of values) {
      const scope = entity.type === 'user' && isGeneric(value) ? hostOfRow(row) : undefined;
      const event = {
        time,
        searchName: rule.searchName,
        riskObject: value,
        riskObjectType: entity.type,
        riskObjectField: entity.field,
        riskScore: entity.score,
        riskMessage: message,
        threatObjects,
        annotations: rule.annotations,
        description: rule.description,
        result: row,
      };
      events.push(scope === undefined ? event : { ...event, scope });
    }
  }
  return events;
}

const NO_THREAT_OBJECTS: RiskEvent['threatObjects'] = Object.freeze([]);

/** The rule's declared entities, and for Sigma the user that fits the event. */
function entitiesOf(rule: RiskRule, row: SharedEvent): readonly RiskEntity[] {
  if (rule.eventUser === undefined) return rule.entities;
  // The rules that match one event each ask for its user field: answered once per event.
  if (row !== lastUserRow) {
    lastUserField = eventUserField(row);
    lastUserRow = row;
  }
  const field = lastUserField;
  if (field === undefined) return rule.entities;
  // One list per rule and user field (three fields at most), not one per finding.
  let byField = withEventUser.get(rule);
  if (byField === undefined) {
    byField = new Map();
    withEventUser.set(rule, byField);
  }
  let entities = byField.get(field);
  if (entities === undefined) {
    entities = [...rule.entities, { ...rule.eventUser, field }];
    byField.set(field, entities);
  }
  return entities;
}

/** The last event asked about and its user field (rows do not change once found). */
let lastUserRow: SharedEvent | undefined;
let lastUserField: string | undefined;

/** isGenericAccount, the last name remembered: the rules matching one event ask about one user. */
function isGeneric(name: string): boolean {
  if (name !== lastAccount) {
    lastAccountGeneric = isGenericAccount(name);
    lastAccount = name;
  }
  return lastAccountGeneric;
}

let lastAccount: string | undefined;
let lastAccountGeneric = false;

const withEventUser = new WeakMap<RiskRule, Map<string, readonly RiskEntity[]>>();
