// Typed detection values after the modifier chain (pySigma's SigmaType family).
import type { SigmaStringParts } from './sigma-string.ts';

export interface SigmaStringValue {
  readonly kind: 'string';
  readonly parts: SigmaStringParts;
  /** `cased`: compare case-sensitively. */
  readonly cased: boolean;
}

export interface SigmaNumberValue {
  readonly kind: 'number';
  readonly value: number;
}

export interface SigmaBoolValue {
  readonly kind: 'bool';
  readonly value: boolean;
}

export interface SigmaNullValue {
  readonly kind: 'null';
}

export type RegexFlag = 'i' | 'm' | 's';

export interface SigmaRegexValue {
  readonly kind: 're';
  /** The regular expression source, used verbatim (no Sigma unescaping). */
  readonly pattern: string;
  readonly flags: ReadonlySet<RegexFlag>;
  /** Set by `expand`: `%name%` in the pattern are placeholders. */
  readonly placeholders?: true;
}

export interface SigmaCidrValue {
  readonly kind: 'cidr';
  /** As written in the rule. */
  readonly text: string;
  readonly version: 4 | 6;
  /** Network address as a big integer (32 or 128 bits). */
  readonly network: bigint;
  readonly prefixLength: number;
}

export type CompareOperator = 'lt' | 'lte' | 'gt' | 'gte';

export interface SigmaCompareValue {
  readonly kind: 'compare';
  readonly op: CompareOperator;
  readonly number: number;
  /** Set by the time modifiers: compare this part of a date field instead of the field. */
  readonly timePart?: TimePart;
}

export type TimePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface SigmaTimePartValue {
  readonly kind: 'time-part';
  readonly part: TimePart;
  readonly number: number;
}

export interface SigmaFieldRefValue {
  readonly kind: 'fieldref';
  readonly field: string;
  readonly startsWith: boolean;
  readonly endsWith: boolean;
}

export interface SigmaExistsValue {
  readonly kind: 'exists';
  readonly exists: boolean;
}

/** Values one modifier produced from one value (windash, base64offset): always OR-linked. */
export interface SigmaExpansionValue {
  readonly kind: 'expansion';
  readonly values: readonly SigmaValue[];
}

export type SigmaValue =
  | SigmaStringValue
  | SigmaNumberValue
  | SigmaBoolValue
  | SigmaNullValue
  | SigmaRegexValue
  | SigmaCidrValue
  | SigmaCompareValue
  | SigmaTimePartValue
  | SigmaFieldRefValue
  | SigmaExistsValue
  | SigmaExpansionValue;

export type SigmaValueKind = SigmaValue['kind'];

/** Names used in diagnostics, after pySigma's class names. */
export const VALUE_KIND_NAMES: Readonly<Record<SigmaValueKind, string>> = {
  string: 'string',
  number: 'number',
  bool: 'boolean',
  null: 'null',
  re: 'regular expression',
  cidr: 'CIDR network',
  compare: 'numeric comparison',
  'time-part': 'time part',
  fieldref: 'field reference',
  exists: 'existence check',
  expansion: 'expansion',
};
