// Reads a correlation rule document (Sigma correlation rules specification v2.1).
import {
  CORRELATION_OPERATORS,
  CORRELATION_TYPES,
  type CorrelationExpression,
  type CorrelationOperator,
  type CorrelationThreshold,
  type CorrelationType,
  type DocumentOrigin,
  type SigmaCorrelation,
} from '../model/rule.ts';
import { entryOf, type YamlMap, type YamlNode } from '../yaml/yaml-node.ts';
import { readCommonMetadata } from './parse-metadata.ts';
import { parseRuleRefExpression, ruleRefNames } from './parse-rule-ref-expression.ts';
import {
  expectMap,
  hasErrorsIn,
  isNullScalar,
  type Problems,
  report,
  scalarText,
} from './problems.ts';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  M: 2629746,
  y: 31556952,
};
const TEMPORAL = new Set<CorrelationType>(['temporal', 'temporal_ordered']);
const NEEDS_FIELD = new Set<CorrelationType>(['value_count', 'value_sum', 'value_avg']);

export function parseCorrelation(
  problems: Problems,
  map: YamlMap,
  origin: DocumentOrigin,
): SigmaCorrelation | undefined {
  const metadata = readCommonMetadata(problems, map);
  const body = expectMap(
    problems,
    entryOf(map, 'correlation')?.value,
    'the correlation section',
    map.span,
    'badCorrelation',
  );
  if (body === undefined) return undefined;
  const type = readType(problems, body);
  const rules = readRefs(problems, body, 'rules');
  const groupBy = readRefs(problems, body, 'group-by') ?? [];
  const timespan = readTimespan(problems, body);
  const aliases = readAliases(problems, body);
  const generate = readGenerate(problems, map, body);
  const condition = type && readCondition(problems, body, type, rules);
  if (type && rules === undefined && !(condition?.kind === 'expression')) {
    report(problems, 'badCorrelation', 'a correlation needs "rules"', body.span);
  }
  if (type === 'value_percentile' || type === 'value_median') {
    report(
      problems,
      'unsupportedCorrelation',
      `correlation type ${type} is not supported: spec v2.1 does not define what its condition compares`,
      entryOf(body, 'type')?.value.span ?? body.span,
    );
  }
  if (
    type === undefined ||
    timespan === undefined ||
    condition === undefined ||
    hasErrorsIn(problems)
  ) {
    return undefined;
  }
  return {
    kind: 'correlation',
    ...metadata,
    type,
    rules: rules ?? (condition.kind === 'expression' ? ruleRefNames(condition.expr) : []),
    groupBy,
    timespan: timespan.text,
    timespanSeconds: timespan.seconds,
    condition,
    aliases,
    generate,
    origin,
  };
}

function readType(problems: Problems, body: YamlMap): CorrelationType | undefined {
  const entry = entryOf(body, 'type');
  const text = entry && scalarText(entry.value);
  if (text !== undefined && (CORRELATION_TYPES as readonly string[]).includes(text)) {
    return text as CorrelationType;
  }
  report(
    problems,
    'badCorrelation',
    text === undefined
      ? 'a correlation needs a "type"'
      : `"${text}" is not a correlation type (${CORRELATION_TYPES.join(', ')})`,
    entry?.value.span ?? body.span,
  );
  return undefined;
}

function readRefs(problems: Problems, body: YamlMap, key: string): string[] | undefined {
  const entry = entryOf(body, key);
  if (entry === undefined || isNullScalar(entry.value)) return undefined;
  const node = entry.value;
  const items = node.kind === 'seq' ? node.items : node.kind === 'scalar' ? [node] : [];
  const refs = items.map(scalarText);
  if (node.kind === 'map' || refs.some((r) => r === undefined)) {
    report(problems, 'badCorrelation', `"${key}" must be a string or a list of strings`, node.span);
    return undefined;
  }
  return refs as string[];
}

function readTimespan(
  problems: Problems,
  body: YamlMap,
): { text: string; seconds: number } | undefined {
  const entry = entryOf(body, 'timespan');
  const text = entry && scalarText(entry.value);
  const m = text === undefined ? null : /^(\d+)([smhdwMy])$/.exec(text);
  if (m) return { text: text as string, seconds: Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 1) };
  report(
    problems,
    'badCorrelation',
    text === undefined
      ? 'a correlation needs a "timespan"'
      : `timespan "${text}" is invalid (a number and s, m, h or d)`,
    entry?.value.span ?? body.span,
  );
  return undefined;
}

function readAliases(problems: Problems, body: YamlMap): Map<string, Map<string, string>> {
  const aliases = new Map<string, Map<string, string>>();
  const entry = entryOf(body, 'aliases');
  if (entry === undefined || isNullScalar(entry.value)) return aliases;
  if (entry.value.kind !== 'map') {
    report(problems, 'badCorrelation', '"aliases" must be a map', entry.value.span);
    return aliases;
  }
  for (const alias of entry.value.entries) {
    if (alias.value.kind !== 'map') {
      report(
        problems,
        'badCorrelation',
        `alias "${alias.key}" must map rule names to fields`,
        alias.value.span,
      );
      continue;
    }
    const mapping = new Map<string, string>();
    for (const e of alias.value.entries) {
      const field = scalarText(e.value);
      if (field === undefined)
        report(problems, 'badCorrelation', 'an alias maps to a field name', e.value.span);
      else mapping.set(e.key, field);
    }
    aliases.set(alias.key, mapping);
  }
  return aliases;
}

/** `generate` sits in `correlation` for pySigma and at the top level in the spec: both are read. */
function readGenerate(problems: Problems, map: YamlMap, body: YamlMap): boolean {
  const entry = entryOf(body, 'generate') ?? entryOf(map, 'generate');
  if (entry === undefined || isNullScalar(entry.value)) return false;
  if (entry.value.kind === 'scalar' && typeof entry.value.value === 'boolean')
    return entry.value.value;
  report(problems, 'badCorrelation', '"generate" must be a boolean', entry.value.span);
  return false;
}

function readCondition(
  problems: Problems,
  body: YamlMap,
  type: CorrelationType,
  rules: readonly string[] | undefined,
): CorrelationThreshold | CorrelationExpression | undefined {
  const entry = entryOf(body, 'condition');
  if (entry === undefined || isNullScalar(entry.value)) {
    if (TEMPORAL.has(type)) {
      // pySigma: a temporal correlation without condition needs every referenced rule.
      return { kind: 'threshold', bounds: [{ op: 'gte', value: rules?.length ?? 0 }] };
    }
    report(problems, 'badCorrelation', `a ${type} correlation needs a condition`, body.span);
    return undefined;
  }
  const node = entry.value;
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    if (!TEMPORAL.has(type)) {
      report(
        problems,
        'badCorrelation',
        'condition expressions are only for temporal correlations',
        node.span,
      );
      return undefined;
    }
    return readExpression(problems, node, node.value, rules);
  }
  if (node.kind !== 'map') {
    report(problems, 'badCorrelation', 'the condition must be a map such as {gte: 10}', node.span);
    return undefined;
  }
  return readThreshold(problems, node, type);
}

function readExpression(
  problems: Problems,
  node: YamlNode,
  text: string,
  rules: readonly string[] | undefined,
): CorrelationExpression | undefined {
  const expr = parseRuleRefExpression(text);
  if (typeof expr === 'string') {
    report(problems, 'badCorrelation', `condition expression: ${expr}`, node.span);
    return undefined;
  }
  const used = new Set(ruleRefNames(expr));
  if (rules !== undefined) {
    const unused = rules.filter((r) => !used.has(r));
    const undefinedRefs = [...used].filter((r) => !rules.includes(r));
    if (unused.length > 0)
      report(
        problems,
        'badCorrelation',
        `rules not used in the condition: ${unused.join(', ')}`,
        node.span,
      );
    if (undefinedRefs.length > 0) {
      report(
        problems,
        'badCorrelation',
        `condition uses rules not listed in "rules": ${undefinedRefs.join(', ')}`,
        node.span,
      );
    }
  }
  return { kind: 'expression', text, expr };
}

function readThreshold(
  problems: Problems,
  node: YamlMap,
  type: CorrelationType,
): CorrelationThreshold | undefined {
  const bounds: { op: CorrelationOperator; value: number }[] = [];
  let field: string | undefined;
  let percentile: number | undefined;
  for (const e of node.entries) {
    const text = scalarText(e.value);
    if ((CORRELATION_OPERATORS as readonly string[]).includes(e.key)) {
      const value = Number(text);
      if (text === undefined || !Number.isFinite(value)) {
        report(problems, 'badCorrelation', `"${text ?? ''}" is not a number`, e.value.span);
        return undefined;
      }
      bounds.push({ op: e.key as CorrelationOperator, value });
    } else if (e.key === 'field') {
      if (text === undefined || e.value.kind !== 'scalar') {
        report(
          problems,
          'badCorrelation',
          'condition "field" must be one field name',
          e.value.span,
        );
        return undefined;
      }
      field = text;
    } else if (e.key === 'percentile') {
      percentile = Number(text);
    } else {
      report(problems, 'badCorrelation', `unknown condition key "${e.key}"`, e.keySpan);
      return undefined;
    }
  }
  if (bounds.length === 0) {
    report(
      problems,
      'badCorrelation',
      `the condition needs one of ${CORRELATION_OPERATORS.join(', ')}`,
      node.span,
    );
    return undefined;
  }
  if (NEEDS_FIELD.has(type) && field === undefined) {
    report(
      problems,
      'badCorrelation',
      `a ${type} correlation needs "field" in its condition`,
      node.span,
    );
    return undefined;
  }
  return {
    kind: 'threshold',
    bounds,
    ...(field === undefined ? {} : { field }),
    ...(percentile === undefined ? {} : { percentile }),
  };
}
