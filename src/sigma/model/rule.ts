// The loaded Sigma documents: detection rules, correlation rules and meta filters.
import type { SourceText, Span } from '../../core/index.ts';
import type { ConditionExpr } from '../condition/condition-ast.ts';
import type { AttackTags } from './attack-tags.ts';
import type { SigmaValue } from './sigma-value.ts';

export const SIGMA_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type SigmaLevel = (typeof SIGMA_LEVELS)[number];

export const SIGMA_STATUSES = [
  'stable',
  'test',
  'experimental',
  'deprecated',
  'unsupported',
] as const;
export type SigmaStatus = (typeof SIGMA_STATUSES)[number];

export interface Logsource {
  readonly category?: string;
  readonly product?: string;
  readonly service?: string;
  readonly definition?: string;
}

/** Where a document came from: its file text and the span of the document in it. */
export interface DocumentOrigin {
  readonly source: SourceText;
  readonly span: Span;
}

/** One `field|mod1|mod2: values` entry, after its modifiers were applied (pySigma SigmaDetectionItem). */
export interface DetectionItem {
  readonly kind: 'item';
  /** Null for keyword (field-less) searches. */
  readonly field: string | null;
  readonly modifiers: readonly string[];
  readonly values: readonly SigmaValue[];
  /** How the values combine: OR by default, AND with `all`. */
  readonly linking: 'and' | 'or';
  /** `neq`: the whole item is negated. */
  readonly negated: boolean;
  readonly span: Span;
}

/** A map (items ANDed) or a list of maps/values (ORed), nested as pySigma's SigmaDetection. */
export interface DetectionGroup {
  readonly kind: 'group';
  readonly linking: 'and' | 'or';
  readonly children: readonly (DetectionGroup | DetectionItem)[];
  readonly span: Span;
}

export interface SearchIdentifier {
  readonly name: string;
  readonly definition: DetectionGroup;
  readonly span: Span;
}

export interface ParsedCondition {
  readonly text: string;
  readonly expr: ConditionExpr;
  readonly span: Span;
}

export interface Detection {
  readonly identifiers: ReadonlyMap<string, SearchIdentifier>;
  /** Several conditions (a YAML list) are ORed. */
  readonly conditions: readonly ParsedCondition[];
}

interface RuleMetadata {
  readonly id?: string;
  readonly name?: string;
  readonly title: string;
  readonly status?: SigmaStatus;
  readonly level?: SigmaLevel;
  readonly description?: string;
  readonly author?: string;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly attack: AttackTags;
  readonly falsepositives: readonly string[];
  readonly date?: string;
  readonly modified?: string;
  readonly origin: DocumentOrigin;
}

export interface SigmaRule extends RuleMetadata {
  readonly kind: 'rule';
  readonly logsource: Logsource;
  readonly detection: Detection;
  readonly fields: readonly string[];
  /** SigmaHQ's pointer to its regression test data (`regression_tests_path`). */
  readonly regressionTestsPath?: string;
}

export const CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
  'value_median',
] as const;
export type CorrelationType = (typeof CORRELATION_TYPES)[number];

export const CORRELATION_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export type CorrelationOperator = (typeof CORRELATION_OPERATORS)[number];

export interface CorrelationThreshold {
  readonly kind: 'threshold';
  /** One or more operators; several are ANDed (a range). */
  readonly bounds: readonly { readonly op: CorrelationOperator; readonly value: number }[];
  /** `field` of value_count and the metric types. */
  readonly field?: string;
  readonly percentile?: number;
}

export type RuleRefExpr =
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'not'; readonly arg: RuleRefExpr }
  | { readonly kind: 'and' | 'or'; readonly args: readonly RuleRefExpr[] };

/** pySigma's extended temporal condition: a boolean expression over the referenced rules. */
export interface CorrelationExpression {
  readonly kind: 'expression';
  readonly text: string;
  readonly expr: RuleRefExpr;
}

export interface SigmaCorrelation extends RuleMetadata {
  readonly kind: 'correlation';
  readonly type: CorrelationType;
  readonly rules: readonly string[];
  readonly groupBy: readonly string[];
  readonly timespanSeconds: number;
  /** As written (`15m`), for SPL `bin span=`. */
  readonly timespan: string;
  readonly condition: CorrelationThreshold | CorrelationExpression;
  /** alias → (rule reference → field). */
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Whether the referenced rules also report on their own. */
  readonly generate: boolean;
}

export interface SigmaFilter {
  readonly kind: 'filter';
  readonly id?: string;
  readonly title: string;
  readonly logsource: Logsource;
  /** Rule ids or names; `any` applies to every rule of the logsource. */
  readonly rules: readonly string[] | 'any';
  readonly detection: Detection;
  readonly origin: DocumentOrigin;
}

export type SigmaDocument = SigmaRule | SigmaCorrelation | SigmaFilter;
