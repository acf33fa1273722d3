// A Sigma value as JSON data and back: regex flags as a list, a CIDR network's big integer as text.
import { ANY, ONE, type StringPart } from '../model/sigma-string.ts';
import type { RegexFlag, SigmaValue } from '../model/sigma-value.ts';

/**
 * Most values are strings: `[cased, ...parts]` with `*` as 0 and `?` as 1 (a third of the
 * cache's size as objects).
 */
type StringData = [boolean, ...(string | 0 | 1 | { readonly p: string })[]];

export type ValueData =
  | StringData
  | Exclude<SigmaValue, { kind: 'string' | 're' | 'cidr' | 'expansion' }>
  | {
      readonly kind: 're';
      readonly pattern: string;
      readonly flags: RegexFlag[];
      readonly placeholders?: true;
    }
  | {
      readonly kind: 'cidr';
      readonly text: string;
      readonly version: 4 | 6;
      readonly network: string;
      readonly prefixLength: number;
    }
  | { readonly kind: 'expansion'; readonly values: ValueData[] };

/** Throws for values JSON cannot carry (a number written `.inf`): such a set is not cached. */
export function encodeValue(value: SigmaValue): ValueData {
  switch (value.kind) {
    case 'string':
      return [
        value.cased,
        ...value.parts.map((part) =>
          typeof part === 'string'
            ? part
            : 'wildcard' in part
              ? part.wildcard === '*'
                ? (0 as const)
                : (1 as const)
              : { p: part.placeholder },
        ),
      ];
    case 'number':
    case 'compare':
    case 'time-part': {
      const n = value.kind === 'number' ? value.value : value.number;
      if (!Number.isFinite(n)) throw new Error(`the number ${n} cannot be cached`);
      return value;
    }
    case 're':
      return { ...value, flags: [...value.flags] };
    case 'cidr':
      return { ...value, network: value.network.toString() };
    case 'expansion':
      return { kind: 'expansion', values: value.values.map(encodeValue) };
    default:
      return value;
  }
}

export function decodeValue(data: ValueData): SigmaValue {
  if (Array.isArray(data)) {
    const [cased, ...parts] = data;
    return {
      kind: 'string',
      parts: parts.map(
        (part): StringPart =>
          typeof part === 'string'
            ? part
            : part === 0
              ? ANY
              : part === 1
                ? ONE
                : { placeholder: part.p },
      ),
      cased,
    };
  }
  switch (data.kind) {
    case 're':
      return { ...data, flags: new Set(data.flags) };
    case 'cidr':
      return { ...data, network: BigInt(data.network) };
    case 'expansion':
      return { kind: 'expansion', values: data.values.map(decodeValue) };
    default:
      return data;
  }
}
