// What a logsource mapping is and how a rule's logsource picks its entries (pySigma-pipeline style).
import type { Logsource } from '../model/rule.ts';

/** Each given attribute must equal the rule's; `null` means the rule must not have it. */
export interface LogsourceSelector {
  readonly category?: string | null;
  readonly product?: string | null;
  readonly service?: string | null;
}

/**
 * One way events of a logsource appear. Entries that match a rule are alternatives: the rule runs
 * on events of any of them, each with its own field renames (process_creation: Sysmon 1 or 4688).
 */
export interface LogsourceMappingEntry {
  readonly name: string;
  /** Applies to rules whose logsource has each of these attributes with this value. */
  readonly match: LogsourceSelector;
  /** Event field → accepted values (values ORed, fields ANDed); compared as text. */
  readonly conditions: ReadonlyMap<string, readonly string[]>;
  /** Sigma field → event field(s) for rules running on this entry (several are ORed). */
  readonly fieldMappings: ReadonlyMap<string, readonly string[]>;
}

export interface LogsourceMapping {
  readonly name: string;
  readonly entries: readonly LogsourceMappingEntry[];
  /** Sigma field → event field(s) for every rule (entry mappings take precedence). */
  readonly fieldMappings: ReadonlyMap<string, readonly string[]>;
}

export function selectorMatches(selector: LogsourceSelector, logsource: Logsource): boolean {
  return (['category', 'product', 'service'] as const).every((key) => {
    const wanted = selector[key];
    if (wanted === undefined) return true;
    return wanted === null ? logsource[key] === undefined : wanted === logsource[key];
  });
}

/** The entries a rule runs on; empty when its logsource is not mapped. */
export function entriesForLogsource(
  mapping: LogsourceMapping,
  logsource: Logsource,
): LogsourceMappingEntry[] {
  return mapping.entries.filter((e) => selectorMatches(e.match, logsource));
}

/** Field mapping of one entry, falling back to the global one, then to the field itself. */
export function fieldMapper(
  mapping: LogsourceMapping,
  entry: LogsourceMappingEntry | undefined,
): (field: string) => readonly string[] {
  return (field) => entry?.fieldMappings.get(field) ?? mapping.fieldMappings.get(field) ?? [field];
}

export function describeLogsource(logsource: Logsource): string {
  const parts = (['product', 'category', 'service'] as const)
    .filter((k) => logsource[k] !== undefined)
    .map((k) => `${k}: ${logsource[k]}`);
  return parts.length === 0 ? '(empty logsource)' : parts.join(', ');
}
