// Reads a `detection` section: search identifiers (with their modifier chains) and conditions.
import { type Span, span } from '../../core/index.ts';
import type { ConditionExpr } from '../condition/condition-ast.ts';
import { parseCondition } from '../condition/parse-condition.ts';
import { selectIdentifiers } from '../condition/resolve-condition.ts';
import type {
  Detection,
  DetectionGroup,
  DetectionItem,
  ParsedCondition,
  SearchIdentifier,
} from '../model/rule.ts';
import { parseSigmaString } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import { applyModifiers } from '../modifiers/apply-modifiers.ts';
import { ModifierError } from '../modifiers/modifier.ts';
import { lookupModifier } from '../modifiers/registry.ts';
import { describeNode, isTimestamp, type YamlMap, type YamlNode } from '../yaml/yaml-node.ts';
import { type Problems, report } from './problems.ts';

/** Keys of a detection map that are not search identifiers. */
const RESERVED = new Set(['condition', 'timeframe']);

/**
 * Parses identifiers and conditions; returns undefined when nothing usable is left (the problems
 * say why). `extraKeys` are other non-identifier keys (a filter's `rules`).
 */
export function parseDetection(
  problems: Problems,
  map: YamlMap,
  extraKeys: ReadonlySet<string> = new Set(),
): Detection | undefined {
  const identifiers = new Map<string, SearchIdentifier>();
  for (const entry of map.entries) {
    if (RESERVED.has(entry.key) || extraKeys.has(entry.key)) continue;
    const definition = parseDefinition(problems, entry.key, entry.value);
    if (definition)
      identifiers.set(entry.key, { name: entry.key, definition, span: entry.keySpan });
  }
  const timeframe = map.entries.find((e) => e.key === 'timeframe');
  if (timeframe) {
    report(
      problems,
      'deprecatedAggregation',
      '"timeframe" belongs to the deprecated aggregation syntax; use a correlation rule',
      timeframe.keySpan,
    );
  }
  if (
    identifiers.size === 0 &&
    map.entries.every((e) => RESERVED.has(e.key) || extraKeys.has(e.key))
  ) {
    report(problems, 'badDetection', 'the detection defines no search identifier', map.span);
  }
  const conditionEntry = map.entries.find((e) => e.key === 'condition');
  if (conditionEntry === undefined) {
    report(problems, 'badDetection', 'the detection has no condition', map.span);
    return undefined;
  }
  const conditionNodes =
    conditionEntry.value.kind === 'seq' ? conditionEntry.value.items : [conditionEntry.value];
  const conditions: ParsedCondition[] = [];
  for (const node of conditionNodes) {
    const parsed = parseConditionNode(problems, node, identifiers);
    if (parsed) conditions.push(parsed);
  }
  if (conditionNodes.length === 0) {
    report(problems, 'badDetection', 'the condition list is empty', conditionEntry.value.span);
  }
  if (conditions.length !== conditionNodes.length || conditions.length === 0) return undefined;
  return { identifiers, conditions };
}

function parseConditionNode(
  problems: Problems,
  node: YamlNode,
  identifiers: ReadonlyMap<string, SearchIdentifier>,
): ParsedCondition | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') {
    report(
      problems,
      'badDetection',
      `a condition must be a string, not ${describeNode(node)}`,
      node.span,
    );
    return undefined;
  }
  const text = node.value;
  const offset = conditionOffset(problems.source.text, node.span, text);
  const at = (s: Span): Span =>
    offset === undefined ? node.span : span(offset + s.start, offset + s.end);
  const parsed = parseCondition(text);
  if ('message' in parsed) {
    report(
      problems,
      parsed.deprecated ? 'deprecatedAggregation' : 'conditionSyntax',
      parsed.message,
      at(parsed.span),
    );
    return undefined;
  }
  let ok = true;
  const visit = (expr: ConditionExpr): void => {
    switch (expr.kind) {
      case 'id':
        if (!identifiers.has(expr.name)) {
          report(
            problems,
            'unknownIdentifier',
            `search identifier "${expr.name}" is not defined`,
            at(expr.span),
          );
          ok = false;
        }
        return;
      case 'selector':
        if (selectIdentifiers(expr.pattern, identifiers.keys()).length === 0) {
          report(
            problems,
            'emptySelector',
            `"${expr.pattern}" matches no search identifier`,
            at(expr.span),
          );
          ok = false;
        }
        return;
      case 'not':
        visit(expr.arg);
        return;
      default:
        for (const arg of expr.args) visit(arg);
    }
  };
  visit(parsed);
  return ok ? { text, expr: parsed, span: node.span } : undefined;
}

/** Offset of the condition text in the file, when the scalar is written on one line as-is. */
function conditionOffset(file: string, where: Span, text: string): number | undefined {
  for (const start of [where.start, where.start + 1]) {
    if (file.startsWith(text, start)) return start;
  }
  return undefined;
}

function isPlainValue(node: YamlNode): boolean {
  return node.kind === 'scalar';
}

/** pySigma `SigmaDetection.from_definition`. */
function parseDefinition(
  problems: Problems,
  name: string,
  node: YamlNode,
): DetectionGroup | undefined {
  if (node.kind === 'map') {
    if (node.entries.length === 0) {
      report(problems, 'badDetection', `search identifier "${name}" is empty`, node.span);
      return undefined;
    }
    const items = node.entries.map((e) => parseItem(problems, e.key, e.keySpan, e.value));
    if (items.some((i) => i === undefined)) return undefined;
    return { kind: 'group', linking: 'and', children: items as DetectionItem[], span: node.span };
  }
  if (node.kind === 'scalar') {
    if (node.value === null) {
      report(problems, 'badDetection', `search identifier "${name}" is empty`, node.span);
      return undefined;
    }
    const item = parseItem(problems, null, node.span, node);
    return item && { kind: 'group', linking: 'and', children: [item], span: node.span };
  }
  if (node.items.every(isPlainValue)) {
    const item = parseItem(problems, null, node.span, node);
    return item && { kind: 'group', linking: 'and', children: [item], span: node.span };
  }
  const children = node.items.map((child) => parseDefinition(problems, name, child));
  if (children.some((c) => c === undefined)) return undefined;
  return { kind: 'group', linking: 'or', children: children as DetectionGroup[], span: node.span };
}

/** One `field|modifiers: value(s)` entry, or a keyword list when `key` is null (pySigma from_mapping). */
function parseItem(
  problems: Problems,
  key: string | null,
  keySpan: Span,
  node: YamlNode,
): DetectionItem | undefined {
  const [fieldPart = '', ...modifierNames] = key === null ? [''] : key.split('|');
  const field = fieldPart === '' ? null : fieldPart;
  const chain = [];
  for (const name of modifierNames) {
    const modifier = lookupModifier(name);
    if (modifier === undefined) {
      report(problems, 'unknownModifier', `unknown modifier "${name}"`, keySpan);
      return undefined;
    }
    chain.push({ name, modifier });
  }
  const raw = modifierNames.includes('re');
  const nodes = node.kind === 'seq' ? node.items : [node];
  const values: SigmaValue[] = [];
  for (const valueNode of nodes) {
    const value = toSigmaValue(problems, valueNode, raw);
    if (value === undefined) return undefined;
    values.push(value);
  }
  if (values.length === 0) {
    if (field === null) {
      report(problems, 'badDetection', 'a null value must be bound to a field', node.span);
      return undefined;
    }
    values.push({ kind: 'null' });
  }
  if (field === null && values.some((v) => v.kind === 'null')) {
    report(problems, 'badDetection', 'a null value must be bound to a field', node.span);
    return undefined;
  }
  try {
    const modified = applyModifiers(field, chain, values);
    return {
      kind: 'item',
      field,
      modifiers: modifierNames,
      values: modified.values,
      linking: modified.linking,
      negated: modified.negated,
      span: key === null ? node.span : keySpan,
    };
  } catch (e) {
    if (!(e instanceof ModifierError)) throw e;
    report(problems, e.code, e.message, key === null ? node.span : keySpan);
    return undefined;
  }
}

/** pySigma `sigma_type`: str → string (wildcards parsed), int/float → number, bool, null. */
function toSigmaValue(problems: Problems, node: YamlNode, raw: boolean): SigmaValue | undefined {
  if (node.kind !== 'scalar') {
    report(
      problems,
      'badDetection',
      `a detection value must be a scalar, not ${describeNode(node)}`,
      node.span,
    );
    return undefined;
  }
  const v = node.value;
  if (isTimestamp(v)) {
    report(
      problems,
      'badDetection',
      `unquoted ${v.timestamp} is a YAML date, which is no Sigma value type; quote it`,
      node.span,
    );
    return undefined;
  }
  if (raw && v !== null) {
    const text = typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
    return { kind: 'string', parts: [text], cased: false };
  }
  if (typeof v === 'string') return { kind: 'string', parts: parseSigmaString(v), cased: false };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      report(problems, 'badValue', 'invalid number', node.span);
      return undefined;
    }
    return { kind: 'number', value: v };
  }
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  return { kind: 'null' };
}
