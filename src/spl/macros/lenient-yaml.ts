// YAML that PyYAML (and so contentctl) accepts but the YAML 1.2 spec does not: a multi-line
// quoted scalar whose continuation lines start in column 0. ESCU ships such files.

import { parseDocument } from 'yaml';
import { lineColumnAt, yamlTooDeep, yamlTooDeepMessage } from '../../core/index.ts';

export interface LenientYaml {
  readonly value: unknown;
  /** Set when the text only parsed after re-indenting continuation lines. */
  readonly repaired: boolean;
  /** Problems left after the repair attempt: `line:col message`. */
  readonly errors: readonly string[];
}

/**
 * Parses strictly first. On failure, indents the column-0 continuation lines of quoted scalars
 * (what PyYAML tolerates) and parses again; the result says whether that was needed.
 */
export function parseLenientYaml(text: string): LenientYaml {
  const deep = yamlTooDeep(text);
  if (deep !== undefined) {
    const { line, column } = lineColumnAt(text, deep.offset);
    return {
      value: undefined,
      repaired: false,
      errors: [`${line}:${column} ${yamlTooDeepMessage(deep)}`],
    };
  }
  const strict = parseDocument(text, { prettyErrors: false });
  if (strict.errors.length === 0) return { value: strict.toJS(), repaired: false, errors: [] };
  const repairedText = indentQuotedContinuations(text);
  if (repairedText !== text) {
    const second = parseDocument(repairedText, { prettyErrors: false });
    if (second.errors.length === 0) return { value: second.toJS(), repaired: true, errors: [] };
  }
  return { value: undefined, repaired: false, errors: strict.errors.map(describe) };
}

function describe(e: {
  message: string;
  linePos?: readonly { line: number; col: number }[];
}): string {
  const at = e.linePos?.[0];
  return at ? `${at.line}:${at.col} ${e.message.split('\n')[0]}` : (e.message.split('\n')[0] ?? '');
}

/** Lines after `key: '...` (or `"...`) up to the closing quote get two spaces of indentation. */
function indentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  let quote: string | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    if (quote) {
      if (/^\S/.test(line)) lines[n] = `  ${line}`;
      if (closesQuote(line, quote)) quote = undefined;
      continue;
    }
    const open = /^[A-Za-z_][\w-]*:\s+(['"])/.exec(line);
    if (open?.[1] && !closesQuote(line.slice(open[0].length), open[1])) quote = open[1];
  }
  return lines.join('\n');
}

/** Whether `rest` holds the closing quote (`''` is an escaped single quote, `\"` a double one). */
function closesQuote(rest: string, quote: string): boolean {
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quote === "'" && c === "'" && rest[i + 1] === "'") {
      i++;
      continue;
    }
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === quote) return true;
  }
  return false;
}
