// Compiles a loaded rule set: filters applied, logsource mapped, conditions over shared predicates.
import { type Diagnostic, error, pushAll, warning } from '../../core/index.ts';
import type { LogicNode } from '../condition/logic-tree.ts';
import {
  type ResolveOptions,
  resolveCondition,
  UnresolvedPlaceholderError,
} from '../condition/resolve-condition.ts';
import { SIGMA_CODES } from '../diagnostic-codes.ts';
import type { SigmaRuleSet } from '../load/rule-set.ts';
import { DEFAULT_WINDOWS_MAPPING } from '../mapping/default-windows-mapping.ts';
import {
  describeLogsource,
  entriesForLogsource,
  fieldMapper,
  type LogsourceMapping,
  type LogsourceMappingEntry,
  selectorMatches,
} from '../mapping/logsource-mapping.ts';
import type { AutomatonLibrary } from '../matcher/route-program.ts';
import type {
  Detection,
  DetectionGroup,
  DetectionItem,
  SigmaCorrelation,
  SigmaFilter,
  SigmaRule,
} from '../model/rule.ts';
import { parseSigmaString } from '../model/sigma-string.ts';
import { PredicateCompileError } from './compile-predicate.ts';
import type { Predicate } from './predicate.ts';
import { PredicateTable, type PredicateTree, toPredicateTree } from './predicate-tree.ts';

export interface SigmaCompileOptions {
  /** Logsource → events mapping; the built-in Windows mapping by default. */
  readonly mapping?: LogsourceMapping;
  /** Values of `expand` placeholders (`%name%`). */
  readonly placeholders?: ReadonlyMap<string, readonly string[]>;
  /**
   * Rules whose logsource the mapping does not know: `skip` (default) reports them as inactive;
   * `any-event` runs them on every event, as a backend without a pipeline would.
   */
  readonly unmappedLogsources?: 'skip' | 'any-event';
}

/** One way a rule runs: on the events of one mapping entry, with that entry's field names. */
export interface RuleVariant {
  readonly entryName: string;
  /** Channel names the events must have (as the mapping writes them); undefined for any. */
  readonly channels?: readonly string[];
  readonly eventIds?: readonly string[];
  /** The entry's other conditions (e.g. `EventType: CreateKey`). */
  readonly conditions: PredicateTree;
  readonly tree: PredicateTree;
}

export interface CompiledRule {
  readonly rule: SigmaRule;
  readonly variants: readonly RuleVariant[];
  /** False when the rule only feeds correlations (`generate: false`). */
  readonly report: boolean;
}

export interface InactiveRule {
  readonly rule: SigmaRule;
  readonly diagnostic: Diagnostic;
}

export interface CompiledSigmaSet {
  readonly rules: readonly CompiledRule[];
  /** The logsource mapping the rules were compiled with (correlations read fields through it). */
  readonly mapping: LogsourceMapping;
  readonly predicates: readonly Predicate[];
  /** Correlations whose referenced rules all compiled. */
  readonly correlations: readonly SigmaCorrelation[];
  readonly inactive: readonly InactiveRule[];
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The route programs' automata an earlier run built (the rule-set cache's, loadSigmaRules):
   * the matcher takes them instead of building, and offers the ones it builds for the next run.
   */
  readonly automata?: AutomatonLibrary;
}

/** Entry point: filters → logsource mapping → condition resolution → predicate interning. */
export function compileSigmaRules(
  ruleSet: SigmaRuleSet,
  options: SigmaCompileOptions = {},
): CompiledSigmaSet {
  const mapping = options.mapping ?? DEFAULT_WINDOWS_MAPPING;
  const table = new PredicateTable();
  const diagnostics: Diagnostic[] = [];
  const inactive: InactiveRule[] = [];
  const referenced = referencedWithoutGenerate(ruleSet);
  const compiled: CompiledRule[] = [];
  for (const rule of ruleSet.rules) {
    const filters = ruleSet.filters.filter((f) => filterApplies(f, rule));
    const result = compileRule(rule, filters, mapping, table, options);
    if ('diagnostic' in result) {
      inactive.push({ rule, diagnostic: result.diagnostic });
      diagnostics.push(result.diagnostic);
    } else compiled.push({ rule, variants: result.variants, report: !referenced.has(rule) });
  }
  const active = new Set<unknown>(compiled.map((c) => c.rule));
  const correlations: SigmaCorrelation[] = [];
  for (const correlation of ruleSet.correlations) {
    const missing = leafRules(correlation, ruleSet).filter((r) => !active.has(r));
    if (correlation.type === 'temporal_ordered' && correlation.condition.kind === 'expression') {
      diagnostics.push(
        error(
          SIGMA_CODES.unsupportedCorrelation,
          'a temporal_ordered correlation with a condition expression has no defined order semantics; use a count condition',
          { source: correlation.origin.source, span: correlation.origin.span },
        ),
      );
    } else if (missing.length === 0) correlations.push(correlation);
    else {
      diagnostics.push(
        error(
          SIGMA_CODES.unknownRuleReference,
          `correlation cannot run: referenced rules did not compile: ${missing.map((r) => r.id ?? r.title).join(', ')}`,
          { source: correlation.origin.source, span: correlation.origin.span },
        ),
      );
    }
  }
  return {
    rules: compiled,
    mapping,
    predicates: table.predicates,
    correlations,
    inactive,
    diagnostics,
  };
}

function compileRule(
  rule: SigmaRule,
  filters: readonly SigmaFilter[],
  mapping: LogsourceMapping,
  table: PredicateTable,
  options: SigmaCompileOptions,
): { variants: RuleVariant[] } | { diagnostic: Diagnostic } {
  const where = { source: rule.origin.source, span: rule.origin.span };
  const oversized = itemPastTextBudget(rule.detection);
  if (oversized !== undefined) {
    return {
      diagnostic: error(
        SIGMA_CODES.badValue,
        `the rule's detection values hold more than ${MAX_DETECTION_CHARS.toLocaleString('en-US')} characters of text: it is not compiled (its matcher would need about 200 bytes per character)`,
        { ...where, span: oversized.span },
      ),
    };
  }
  let entries: (LogsourceMappingEntry | undefined)[] = entriesForLogsource(mapping, rule.logsource);
  if (entries.length === 0) {
    if (options.unmappedLogsources !== 'any-event') {
      return {
        diagnostic: warning(
          SIGMA_CODES.unmappedLogsource,
          `no logsource mapping for ${describeLogsource(rule.logsource)} in "${mapping.name}": the rule cannot run`,
          where,
        ),
      };
    }
    entries = [undefined];
  }
  const variants: RuleVariant[] = [];
  try {
    for (const entry of entries) {
      const resolveOptions: ResolveOptions = {
        mapField: fieldMapper(mapping, entry),
        placeholder: (name) => options.placeholders?.get(name),
      };
      const node = resolveWithFilters(rule.detection, filters, resolveOptions);
      variants.push(makeVariant(entry, toPredicateTree(node, table), table));
    }
  } catch (e) {
    if (e instanceof UnresolvedPlaceholderError) {
      return {
        diagnostic: error(
          SIGMA_CODES.unresolvedPlaceholder,
          `${e.message}; give its values with a placeholders file`,
          where,
        ),
      };
    }
    if (e instanceof PredicateCompileError) {
      const span = itemWithPattern(rule.detection, e.pattern)?.span ?? where.span;
      return { diagnostic: error(SIGMA_CODES.unsupportedRegex, e.message, { ...where, span }) };
    }
    throw e;
  }
  return { variants };
}

/**
 * Detection text one rule may hold (the characters of its values, summed). The largest SigmaHQ rule
 * (vulnerable driver hashes) holds about 300,000; a 10 MB value would take gigabytes and minutes
 * to build into the matcher's automaton.
 */
const MAX_DETECTION_CHARS = 1_048_576;

/** The item where the rule's detection text passes MAX_DETECTION_CHARS, for the caret. */
function itemPastTextBudget(detection: Detection): DetectionItem | undefined {
  const pending: (DetectionGroup | DetectionItem)[] = [...detection.identifiers.values()].map(
    (identifier) => identifier.definition,
  );
  let total = 0;
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.kind === 'group') pushAll(pending, node.children);
    else {
      for (const value of node.values) {
        if (value.kind === 're') total += value.pattern.length;
        else if (value.kind === 'string') {
          for (const part of value.parts) total += typeof part === 'string' ? part.length : 1;
        } else total++;
      }
      if (total > MAX_DETECTION_CHARS) return node;
    }
  }
  return undefined;
}

/** The detection item holding the regular expression `pattern`, for the caret. */
function itemWithPattern(detection: Detection, pattern: string): DetectionItem | undefined {
  const pending: (DetectionGroup | DetectionItem)[] = [...detection.identifiers.values()].map(
    (identifier) => identifier.definition,
  );
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.kind === 'group') pushAll(pending, node.children);
    else if (node.values.some((v) => v.kind === 're' && v.pattern === pattern)) return node;
  }
  return undefined;
}

/** A list of conditions is ORed; each filter is ANDed to it (pySigma `(rule) and (filter)`). */
function resolveWithFilters(
  detection: Detection,
  filters: readonly SigmaFilter[],
  options: ResolveOptions,
): LogicNode {
  const ruleNode = orOf(
    detection.conditions.map((c) => resolveCondition(detection, c.expr, options)),
  );
  if (filters.length === 0) return ruleNode;
  const filterNodes = filters.map((f) =>
    orOf(f.detection.conditions.map((c) => resolveCondition(f.detection, c.expr, options))),
  );
  return { kind: 'and', args: [ruleNode, ...filterNodes] };
}

function orOf(nodes: LogicNode[]): LogicNode {
  return nodes.length === 1 ? (nodes[0] as LogicNode) : { kind: 'or', args: nodes };
}

function makeVariant(
  entry: LogsourceMappingEntry | undefined,
  tree: PredicateTree,
  table: PredicateTable,
): RuleVariant {
  if (entry === undefined)
    return { entryName: '(any event)', conditions: { kind: 'const', value: true }, tree };
  const others: LogicNode[] = [];
  let channels: string[] | undefined;
  let eventIds: string[] | undefined;
  for (const [field, values] of entry.conditions) {
    if (field === 'Channel') channels = [...values];
    else if (field === 'EventID') eventIds = [...values];
    else {
      others.push({
        kind: 'or',
        args: values.map((v) => ({
          kind: 'match',
          field,
          value: { kind: 'string', parts: parseSigmaString(v), cased: false },
          orContext: false,
        })),
      });
    }
  }
  return {
    entryName: entry.name,
    ...(channels ? { channels } : {}),
    ...(eventIds ? { eventIds } : {}),
    conditions: toPredicateTree({ kind: 'and', args: others }, table),
    tree,
  };
}

/** pySigma: a filter applies when its logsource contains the rule's and it names the rule (or `any`). */
export function filterApplies(filter: SigmaFilter, rule: SigmaRule): boolean {
  if (!selectorMatches(filter.logsource, rule.logsource)) return false;
  if (filter.rules === 'any') return true;
  return filter.rules.some((ref) => ref === rule.id || ref === rule.name);
}

function referencedWithoutGenerate(ruleSet: SigmaRuleSet): Set<SigmaRule> {
  const out = new Set<SigmaRule>();
  for (const c of ruleSet.correlations) {
    if (c.generate) continue;
    for (const ref of c.rules) {
      const rule = ruleSet.rules.find((r) => r.id === ref || r.name === ref);
      if (rule) out.add(rule);
    }
  }
  return out;
}

/** Detection rules a correlation finally rests on (through chained correlations). */
function leafRules(correlation: SigmaCorrelation, ruleSet: SigmaRuleSet): SigmaRule[] {
  const out: SigmaRule[] = [];
  const seen = new Set<SigmaCorrelation>();
  const visit = (c: SigmaCorrelation): void => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const ref of c.rules) {
      const rule = ruleSet.rules.find((r) => r.id === ref || r.name === ref);
      if (rule) out.push(rule);
      const inner = ruleSet.correlations.find((x) => x.id === ref || x.name === ref);
      if (inner) visit(inner);
    }
  };
  visit(correlation);
  return out;
}
