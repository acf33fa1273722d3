// Converts one detection rule into SPL queries: one per condition and per logsource mapping entry.
import type { LogicNode } from '../../condition/logic-tree.ts';
import { type ResolveOptions, resolveCondition } from '../../condition/resolve-condition.ts';
import {
  entriesForLogsource,
  fieldMapper,
  type LogsourceMapping,
  type LogsourceMappingEntry,
} from '../../mapping/logsource-mapping.ts';
import type { SigmaFilter, SigmaRule } from '../../model/rule.ts';
import { parseSigmaString } from '../../model/sigma-string.ts';
import { finishQuery } from './finish-query.ts';
import { SplConditionConverter, SplUnsupportedError } from './spl-condition.ts';

/**
 * `none`: the detection logic only, as `sigma convert -t splunk --without-pipeline` prints it.
 * `spelunk`: each query starts with the conditions of the logsource mapping entry it runs on
 * (`Channel=... EventID=...`, added as pySigma's `add_condition` does) and uses its field names.
 */
export type SplPipeline = 'none' | 'spelunk';

export interface RuleConversionContext {
  readonly pipeline: SplPipeline;
  readonly mapping: LogsourceMapping;
  readonly placeholder: ResolveOptions['placeholder'];
  readonly filters: readonly SigmaFilter[];
}

export class UnmappedForSplError extends Error {}

/** Finished queries (before `| table`); throws SplUnsupportedError / UnmappedForSplError. */
export function convertRule(rule: SigmaRule, context: RuleConversionContext): string[] {
  let entries: (LogsourceMappingEntry | undefined)[] = [undefined];
  if (context.pipeline === 'spelunk') {
    entries = entriesForLogsource(context.mapping, rule.logsource);
    if (entries.length === 0)
      throw new UnmappedForSplError('the logsource mapping has no entry for this rule');
  }
  const queries: string[] = [];
  for (const condition of rule.detection.conditions) {
    for (const entry of entries) {
      const options: ResolveOptions = {
        mapField: context.pipeline === 'none' ? (f) => [f] : fieldMapper(context.mapping, entry),
        placeholder: context.placeholder,
      };
      let tree = resolveCondition(rule.detection, condition.expr, options);
      const filterTrees = context.filters.flatMap((f) =>
        f.detection.conditions.map((c) => resolveCondition(f.detection, c.expr, options)),
      );
      if (filterTrees.length > 0) tree = { kind: 'and', args: [tree, ...filterTrees] };
      if (entry !== undefined && entry.conditions.size > 0) {
        tree = { kind: 'and', args: [conditionsTree(entry), tree] };
      }
      const converter = new SplConditionConverter();
      const part = converter.convert(tree, true);
      if (part === null) continue;
      queries.push(finishQuery(typeof part === 'string' ? part : undefined, converter));
    }
  }
  return queries;
}

/** The entry's conditions as pySigma's `add_condition` detection: one item per field, values ORed. */
function conditionsTree(entry: LogsourceMappingEntry): LogicNode {
  const items: LogicNode[] = [];
  for (const [field, values] of entry.conditions) {
    const matches: LogicNode[] = values.map((v) => ({
      kind: 'match',
      field,
      value: /^-?\d+$/.test(v)
        ? { kind: 'number', value: Number(v) }
        : { kind: 'string', parts: parseSigmaString(v), cased: false },
      orContext: false,
    }));
    items.push(matches.length === 1 ? (matches[0] as LogicNode) : { kind: 'or', args: matches });
  }
  return items.length === 1 ? (items[0] as LogicNode) : { kind: 'and', args: items };
}

export { SplUnsupportedError };
