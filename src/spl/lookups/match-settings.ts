// Parses the match settings shared by ESCU lookup YAML and transforms.conf stanzas.
import { LOOKUP_DEFAULTS, type LookupDefinition } from './lookup-definition.ts';

/** The raw setting texts, as either source spells them. */
export interface MatchSettingTexts {
  readonly match_type?: string | undefined;
  readonly case_sensitive_match?: string | undefined;
  readonly max_matches?: string | undefined;
  readonly min_matches?: string | undefined;
  readonly default_match?: string | undefined;
}

export type MatchSettings = Pick<
  LookupDefinition,
  'matchTypes' | 'caseSensitive' | 'maxMatches' | 'minMatches' | 'defaultMatch'
>;

const MATCH_TYPE_ITEM = /^\s*(WILDCARD|CIDR|EXACT)\s*\(\s*([^()]+?)\s*\)\s*$/i;

/** Returns the settings, or the messages describing each bad setting. */
export function parseMatchSettings(texts: MatchSettingTexts): MatchSettings | string[] {
  const problems: string[] = [];
  const matchTypes = new Map<string, 'wildcard' | 'cidr'>();
  for (const item of splitList(texts.match_type ?? '')) {
    const m = MATCH_TYPE_ITEM.exec(item);
    if (!m) {
      problems.push(`match_type item "${item}" is not WILDCARD(<field>) or CIDR(<field>)`);
      continue;
    }
    const kind = (m[1] ?? '').toUpperCase();
    if (kind !== 'EXACT') matchTypes.set(m[2] ?? '', kind === 'CIDR' ? 'cidr' : 'wildcard');
  }
  const caseSensitive = parseBoolean(
    'case_sensitive_match',
    texts.case_sensitive_match,
    problems,
    LOOKUP_DEFAULTS.caseSensitive,
  );
  const maxMatches = parseCount('max_matches', texts.max_matches, problems, 1, 1000);
  const minMatches = parseCount('min_matches', texts.min_matches, problems, 0, 1000);
  if (problems.length > 0) return problems;
  const defaultMatch = texts.default_match?.trim();
  return {
    matchTypes,
    caseSensitive,
    maxMatches: maxMatches ?? LOOKUP_DEFAULTS.maxMatches,
    minMatches: minMatches ?? LOOKUP_DEFAULTS.minMatches,
    defaultMatch: defaultMatch === undefined || defaultMatch === '' ? undefined : defaultMatch,
  };
}

function splitList(text: string): string[] {
  // Commas inside WILDCARD(...) never occur: a field name has no comma.
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parseBoolean(
  name: string,
  text: string | undefined,
  problems: string[],
  fallback: boolean,
): boolean {
  if (text === undefined || text.trim() === '') return fallback;
  const t = text.trim().toLowerCase();
  if (['true', 't', '1', 'yes'].includes(t)) return true;
  if (['false', 'f', '0', 'no'].includes(t)) return false;
  problems.push(`${name} = "${text}" is not a boolean`);
  return fallback;
}

function parseCount(
  name: string,
  text: string | undefined,
  problems: string[],
  min: number,
  max: number,
): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} = "${text}" is not an integer from ${min} to ${max}`);
    return undefined;
  }
  return n;
}
