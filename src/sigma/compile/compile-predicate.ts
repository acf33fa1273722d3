// Turns one resolved `field = value` match into a Predicate (key, automaton index, evaluator).
import type { Event, FieldValue } from '../../core/index.ts';
import { formatNetwork, ipv4Number, networkContains, parseIpAddress } from '../model/ip-address.ts';
import {
  ANY,
  concatParts,
  endsWithAny,
  partsToPlain,
  startsWithAny,
} from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import { FOLD, foldCase } from './case-fold.ts';
import { fieldValue, someEventValue, someValue, textOf } from './event-values.ts';
import { compareNumbers, datePart, parseNumber } from './numbers.ts';
import type { Predicate, PredicateIndex } from './predicate.ts';
import { requiredLiteral } from './regex-literal.ts';
import { compileSigmaRegex } from './sigma-regex.ts';
import { compileStringPattern, type RequiredLiteral } from './string-pattern.ts';
import { memoizeTest } from './value-memo.ts';

export class PredicateCompileError extends Error {
  readonly code: 'unsupportedRegex';
  /** The refused pattern, to locate the detection item that holds it. */
  readonly pattern: string;

  constructor(message: string, pattern: string) {
    super(message);
    this.code = 'unsupportedRegex';
    this.pattern = pattern;
  }
}

/** Canonical number text as Python prints int/float values (`str()`), e.g. `4688`, `1.5`. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return n.toFixed(0);
  return String(n);
}

export function compilePredicate(field: string | null, value: SigmaValue): Predicate {
  return { ...predicateOf(field, value), value };
}

/**
 * The predicate's canonical text, without compiling it: equal keys are the same predicate, so a
 * rule set compiles each distinct test once however many rules use it.
 */
export function predicateKey(field: string | null, value: SigmaValue): string {
  const f = field === null ? '*' : JSON.stringify(field);
  switch (value.kind) {
    case 'string':
      return `${f} ${value.cased ? 'cased' : 'str'} ${partsToPlain(stringParts(field, value.parts))}`;
    case 'number':
      return `${f} num ${numberText(value.value)}`;
    case 'bool':
      return `${f} bool ${value.value ? 'true' : 'false'}`;
    case 'null':
      return `${f} null`;
    case 'exists':
      return `${f} exists ${value.exists}`;
    case 're':
      return `${f} re ${[...value.flags].sort().join('')} ${value.pattern}`;
    case 'cidr':
      return `${f} cidr ${formatNetwork({ version: value.version, value: value.network, prefixLength: value.prefixLength })}`;
    case 'compare':
      return `${f} ${value.op} ${value.timePart ?? ''} ${value.number}`;
    case 'time-part':
      return `${f} ${value.part} ${value.number}`;
    case 'fieldref':
      return `${f} fieldref-${fieldRefMode(value)} ${JSON.stringify(value.field)}`;
    case 'expansion':
      throw new Error('expansions are resolved into OR nodes before predicates are compiled');
  }
}

/** Keywords match anywhere in a value (implicit contains), as Splunk, Hayabusa and Chainsaw do. */
function stringParts(
  field: string | null,
  parts: Extract<SigmaValue, { kind: 'string' }>['parts'],
): Extract<SigmaValue, { kind: 'string' }>['parts'] {
  if (field !== null) return parts;
  return concatParts(startsWithAny(parts) ? [] : [ANY], parts, endsWithAny(parts) ? [] : [ANY]);
}

function fieldRefMode(value: Extract<SigmaValue, { kind: 'fieldref' }>): FieldRefMode {
  if (value.startsWith && value.endsWith) return 'contains';
  if (value.startsWith) return 'startswith';
  return value.endsWith ? 'endswith' : 'equals';
}

function predicateOf(field: string | null, value: SigmaValue): Omit<Predicate, 'value'> {
  const key = predicateKey(field, value);
  const any = (test: (text: string) => boolean) =>
    field === null
      ? (e: Event) => someEventValue(e, test)
      : (e: Event) => someValue(e, field, test);
  switch (value.kind) {
    case 'string': {
      const parts = stringParts(field, value.parts);
      const pattern = compileStringPattern(parts, value.cased);
      const literal = pattern.literal ?? pattern.prefilter;
      return {
        key,
        field,
        ...indexOf(literal, pattern.literal !== undefined && !value.cased),
        positive: true,
        test: any(pattern.test),
      };
    }
    case 'number': {
      const text = numberText(value.value);
      const n = value.value;
      return {
        key,
        field,
        ...indexOf({ text, anchoring: field === null ? 'contains' : 'exact' }, true),
        positive: true,
        test: field === null ? any((v) => v.includes(text)) : (e) => matchNumber(e, field, n, text),
      };
    }
    case 'bool': {
      const text = value.value ? 'true' : 'false';
      return {
        key,
        field,
        ...indexOf({ text, anchoring: 'exact' }, true),
        positive: true,
        test: any((v) => v.length === text.length && v.toLowerCase() === text),
      };
    }
    case 'null':
      return {
        key,
        field,
        positive: false,
        test: (e) => field !== null && fieldValue(e, field) === undefined,
      };
    case 'exists':
      return {
        key,
        field,
        positive: value.exists,
        test: (e) => field !== null && (fieldValue(e, field) !== undefined) === value.exists,
      };
    case 're': {
      const compiled = compileSigmaRegex(value.pattern, value.flags);
      if (typeof compiled === 'string') {
        throw new PredicateCompileError(
          `regular expression /${value.pattern}/ is refused: ${compiled}`,
          value.pattern,
        );
      }
      return {
        key,
        field,
        ...indexOf(requiredLiteral(value.pattern, value.flags.has('i')), false),
        positive: true,
        test: any(memoizeTest(compiled.test)),
      };
    }
    case 'cidr': {
      const network = {
        version: value.version,
        value: value.network,
        prefixLength: value.prefixLength,
      };
      return {
        key,
        field,
        positive: field !== null,
        test: any(
          value.version === 4
            ? ipv4Test(Number(value.network), value.prefixLength)
            : (v) => {
                if (!v.includes(':')) return false;
                const address = parseIpAddress(v.trim());
                return address !== null && networkContains(network, address);
              },
        ),
      };
    }
    case 'compare': {
      const { op, number, timePart } = value;
      return {
        key,
        field,
        positive: field !== null,
        test: any((v) =>
          compareNumbers(op, timePart ? datePart(v, timePart) : parseNumber(v), number),
        ),
      };
    }
    case 'time-part':
      return {
        key,
        field,
        positive: field !== null,
        test: any((v) => datePart(v, value.part) === value.number),
      };
    case 'fieldref': {
      const other = value.field;
      const mode = fieldRefMode(value);
      return {
        key,
        field,
        positive: field !== null,
        test: (e) => field !== null && compareFields(e, field, other, mode),
      };
    }
    case 'expansion':
      throw new Error('expansions are resolved into OR nodes before predicates are compiled');
  }
}

/** Keyword predicates (no field) are indexed too: the matcher scans every content field for them. */
/**
 * Literals longer than this are indexed by their first (suffixes: last) characters and verified:
 * an automaton's size follows its literals' length, and a rule's values are attacker-controlled
 * (a 10 MB `|contains` value must not build a 10-million-state automaton).
 */
export const MAX_INDEXED_LITERAL = 128;

function indexOf(
  literal: RequiredLiteral | undefined,
  decides: boolean,
): { index: PredicateIndex } | Record<string, never> {
  if (literal === undefined || literal.text === '') return {};
  // The automaton runs on folded text; a cased literal is found folded, then verified.
  const text = foldCase(literal.text);
  if (text.length <= MAX_INDEXED_LITERAL)
    return { index: { text, anchoring: literal.anchoring, decides } };
  const { anchoring } = literal;
  return {
    index:
      anchoring === 'suffix'
        ? { text: text.slice(-MAX_INDEXED_LITERAL), anchoring, decides: false }
        : {
            text: text.slice(0, MAX_INDEXED_LITERAL),
            anchoring: anchoring === 'exact' ? 'prefix' : anchoring,
            decides: false,
          },
  };
}

/** IPv4 networks compare 32-bit numbers (no BigInt on the hot path). */
function ipv4Test(network: number, prefixLength: number): (text: string) => boolean {
  const size = 2 ** (32 - prefixLength);
  const low = Math.floor(network / size) * size;
  return (text) => {
    const address = ipv4Number(text.trim());
    return address >= low && address < low + size;
  };
}

/** Numbers match their text (`4688` ↔ "4688") or, for numeric event values, their value. */
function matchNumber(event: Event, field: string, n: number, text: string): boolean {
  const raw = fieldValue(event, field);
  if (raw === undefined) return false;
  if (typeof raw === 'number') return raw === n;
  if (typeof raw === 'string') return raw === text;
  return raw.some((v) => (typeof v === 'number' ? v === n : v === text));
}

type FieldRefMode = 'equals' | 'startswith' | 'endswith' | 'contains';

/**
 * Case-insensitive as all Sigma string matching; any value pair of multivalue fields. Loops
 * instead of `someValue` callbacks: a closure per test was most of this predicate's garbage.
 */
function compareFields(event: Event, field: string, other: string, mode: FieldRefMode): boolean {
  const left = fieldValue(event, field);
  const right = fieldValue(event, other);
  if (left === undefined || right === undefined) return false;
  if (typeof right === 'string' || typeof right === 'number')
    return anyLeftHolds(left, textOf(right), mode);
  for (const r of right) if (anyLeftHolds(left, textOf(r), mode)) return true;
  return false;
}

function anyLeftHolds(left: FieldValue, right: string, mode: FieldRefMode): boolean {
  if (typeof left === 'string') return fieldRefHolds(left, right, mode);
  if (typeof left === 'number') return fieldRefHolds(String(left), right, mode);
  for (const l of left) if (fieldRefHolds(textOf(l), right, mode)) return true;
  return false;
}

/** Folding keeps lengths, so anchored modes compare code units in place without copies. */
function fieldRefHolds(left: string, right: string, mode: FieldRefMode): boolean {
  switch (mode) {
    case 'equals':
      return left.length === right.length && foldedAt(left, 0, right);
    case 'startswith':
      return left.length >= right.length && foldedAt(left, 0, right);
    case 'endswith':
      return left.length >= right.length && foldedAt(left, left.length - right.length, right);
    case 'contains':
      return left.length >= right.length && foldCase(left).includes(foldCase(right));
  }
}

/** Whether `text` holds `part` at `offset`, compared as `foldCase` compares. */
function foldedAt(text: string, offset: number, part: string): boolean {
  for (let i = 0; i < part.length; i++) {
    const a = text.charCodeAt(offset + i);
    const b = part.charCodeAt(i);
    if (a !== b && FOLD[a] !== FOLD[b]) return false;
  }
  return true;
}
