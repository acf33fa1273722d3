// Regex functions: match(X, regex) and replace(X, regex, replacement), PCRE via spl/regex.

import type { SplRegex } from '../../regex/spl-regex.ts';
import { firstScalar } from '../../value/eval-value.ts';
import { scalarToString } from '../../value/number.ts';
import { capText, MAX_VALUE_CHARS } from '../../value/value-limits.ts';
import type { CompiledArg, EvalFunctionSpec } from '../eval-types.ts';
import { mapValues } from './define.ts';
import { regexArgument } from './regex-arg.ts';

/** match(X, regex): true when the regex matches anywhere in X (any value of a multivalue). */
export const matchFunction: EvalFunctionSpec = {
  name: 'match',
  minArgs: 2,
  maxArgs: 2,
  returns: 'boolean',
  pure: true,
  summary: 'match(X, regex): true when the PCRE regex matches somewhere in X',
  compile: (site) => {
    const subject = (site.args[0] as CompiledArg).evaluate;
    const regexOf = regexArgument(site, 1);
    return (e) => {
      const value = subject(e);
      const regex = regexOf(e);
      if (value === undefined || typeof value === 'boolean' || regex === undefined)
        return undefined;
      if (typeof value !== 'object') return regex.test(scalarToString(value));
      return value.some((v) => regex.test(scalarToString(v)));
    };
  },
};

/** A replacement template: literal text and group references. */
type Template = readonly (string | number)[];

/**
 * Splunk's replacement text refers to groups as `\1`..`\9` (Search Reference, replace:
 * `replace(date, "^(\d{1,2})/(\d{1,2})/", "\2/\1/")`); `\\` is a backslash.
 */
export function parseReplacement(text: string): Template {
  const parts: (string | number)[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch === '\\' && next !== undefined && next >= '0' && next <= '9') {
      if (literal) parts.push(literal);
      literal = '';
      parts.push(Number(next));
      i++;
    } else if (ch === '\\' && next === '\\') {
      literal += '\\';
      i++;
    } else {
      literal += ch;
    }
  }
  if (literal) parts.push(literal);
  return parts;
}

/** Replaces every non-overlapping match of `regex` in `text` (PCRE global substitution). */
export function replaceAll(text: string, regex: SplRegex, template: Template): string {
  let out = '';
  let last = 0;
  let from = 0;
  while (from <= text.length) {
    const m = regex.exec(text, from);
    if (!m) break;
    out += text.slice(last, m.index);
    for (const part of template) out += typeof part === 'number' ? (m.groups[part] ?? '') : part;
    // A replacement longer than what it replaces grows the text: stop at the value cap.
    if (out.length > MAX_VALUE_CHARS) return capText(out);
    if (m.end > m.index) {
      last = m.end;
      from = m.end;
    } else {
      // An empty match keeps the character after it and moves on by one.
      out += text.slice(m.index, m.index + 1);
      last = m.index + 1;
      from = m.index + 1;
    }
  }
  return capText(out + text.slice(last));
}

/** replace(X, regex, replacement): every match replaced; each value of a multivalue. */
export const replaceFunction: EvalFunctionSpec = {
  name: 'replace',
  minArgs: 3,
  maxArgs: 3,
  returns: 'any',
  pure: true,
  summary: 'replace(X, regex, replacement): every match replaced; \\1 refers to a group',
  compile: (site) => {
    const subject = (site.args[0] as CompiledArg).evaluate;
    const regexOf = regexArgument(site, 1);
    const replacementArg = site.args[2] as CompiledArg;
    const constantTemplate =
      replacementArg.constant && typeof replacementArg.constant.value === 'string'
        ? parseReplacement(replacementArg.constant.value)
        : undefined;
    return (e) => {
      const regex = regexOf(e);
      if (regex === undefined) return undefined;
      let template = constantTemplate;
      if (template === undefined) {
        const r = firstScalar(replacementArg.evaluate(e));
        if (r === undefined) return undefined;
        template = parseReplacement(scalarToString(r));
      }
      const t = template;
      return mapValues(subject(e), (v) => replaceAll(scalarToString(v), regex, t));
    };
  },
};
