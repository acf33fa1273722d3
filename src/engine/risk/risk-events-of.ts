// A finding's risk events: one per risk entity and value of its field, as the ES risk action creates them.
import { readField, type SharedEvent, valuesOf } from '../../core/index.ts';
import { scalarToString } from '../../spl/index.ts';
import { fillTokens } from './field-tokens.ts';
import type { RiskEvent } from './risk-event.ts';
import type { RiskRule } from './risk-rule.ts';

/**
 * A risk entity whose field is absent, empty or the text `null` (what `fillnull value=null` and
 * tstats write for a missing by-field; contentctl treats it as absent) raises no risk. A
 * multivalue field raises one risk event per distinct value. Threat objects ride along on every
 * risk event of the row.
 */
export function riskEventsOf(
  rule: RiskRule,
  row: SharedEvent,
  time: number | undefined,
): RiskEvent[] {
  if (rule.entities.length === 0) return [];
  const threatObjects = rule.threatObjects.flatMap((threat) =>
    presentValues(row, threat.field).map((value) => ({ value, type: threat.type })),
  );
  const events: RiskEvent[] = [];
  for (const entity of rule.entities) {
    const values = presentValues(row, entity.field);
    if (values.length === 0) continue;
    const message = fillTokens(entity.message, row);
    for (const value of values) {
      events.push({
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
      });
    }
  }
  return events;
}

/** The field's distinct values that name something (not empty, not `null`). */
export function presentValues(row: SharedEvent, field: string): string[] {
  const out = new Set<string>();
  for (const value of valuesOf(readField(row, field))) {
    const text = scalarToString(value);
    if (text !== '' && text !== 'null') out.add(text);
  }
  return [...out];
}
