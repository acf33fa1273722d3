// A props.conf stanza name: which events it applies to (sourcetype, host::, source::) and how it matches them.
import { compileSplRegex } from '../../spl/index.ts';

/** Precedence rises with the kind: source:: over host:: over sourcetype over [default]. */
export type StanzaKind = 'default' | 'sourcetype' | 'host' | 'source';

export const KIND_RANK: Readonly<Record<StanzaKind, number>> = {
  default: 0,
  sourcetype: 1,
  host: 2,
  source: 3,
};

export interface StanzaSpec {
  readonly kind: StanzaKind;
  /** The name after its `source::` / `host::` prefix. */
  readonly pattern: string;
  /** Matches the whole name literally (priority 100 by default) rather than as a pattern (0). */
  readonly literal: boolean;
  matches(value: string): boolean;
}

export type StanzaSpecResult =
  | { readonly ok: true; readonly spec: StanzaSpec }
  | { readonly ok: false; readonly reason: string };

const PATTERN_CHARS = /[*|()[\]?\\+{}^$]|\.\.\./;

/**
 * props.conf.spec, "[<spec>] stanza patterns": `...` matches any characters, `*` anything but a
 * path separator, `.` a period, `|` and `( )` alternate, the rest is PCRE; the match is on the
 * whole name. host:: matches case-insensitively unless the pattern starts with `(?-i)`;
 * source:: and sourcetype stanzas match case-sensitively. `rule::` and `delayedrule::` name
 * index-time sourcetype classification rules, which search-time knowledge never uses.
 */
export function parseStanzaSpec(name: string): StanzaSpecResult {
  if (name === 'default') return { ok: true, spec: literalSpec('default', '', true) };
  const lower = name.toLowerCase();
  if (lower.startsWith('rule::') || lower.startsWith('delayedrule::')) {
    return { ok: false, reason: 'sourcetype classification rules apply at input time only' };
  }
  const kind: StanzaKind = lower.startsWith('source::')
    ? 'source'
    : lower.startsWith('host::')
      ? 'host'
      : 'sourcetype';
  const pattern = kind === 'sourcetype' ? name : name.slice(name.indexOf('::') + 2);
  const caseless = kind === 'host';
  if (!PATTERN_CHARS.test(pattern)) return { ok: true, spec: literalSpec(kind, pattern, caseless) };
  const sensitive = pattern.startsWith('(?-i)');
  const body = translatePattern(sensitive ? pattern.slice(5) : pattern);
  const compiled = compileSplRegex(`${caseless && !sensitive ? '(?i)' : ''}^(?:${body})$`);
  if (!compiled.ok) return { ok: false, reason: `the pattern is not valid: ${compiled.reason}` };
  const regex = compiled.regex;
  return {
    ok: true,
    spec: { kind, pattern, literal: false, matches: (value) => regex.test(value) },
  };
}

function literalSpec(kind: StanzaKind, pattern: string, caseless: boolean): StanzaSpec {
  if (kind === 'default') return { kind, pattern, literal: true, matches: () => true };
  const folded = pattern.toLowerCase();
  return {
    kind,
    pattern,
    literal: true,
    matches: caseless ? (value) => value.toLowerCase() === folded : (value) => value === pattern,
  };
}

function translatePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\' && i + 1 < pattern.length) {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (pattern.startsWith('...', i)) {
      out += '.*';
      i += 2;
    } else if (c === '*') {
      out += '[^/\\\\]*';
    } else if (c === '.') {
      out += '\\.';
    } else {
      out += c;
    }
  }
  return out;
}
