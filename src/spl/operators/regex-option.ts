// A command's regex argument (rex, regex, makemv tokenizer) compiled once, with every match of a text.
import type { Diagnostic, Span } from '../../core/index.ts';
import { compileSplRegex, type SplMatch, type SplRegex } from '../regex/spl-regex.ts';
import { commandError, EngineCode, type StageCompileContext } from './compile-context.ts';

/** `max_match=0` ("no limit") still stops here: an empty-matching regex over a large field would
 * otherwise make a value per character. Reaching it is reported as a run warning. */
export const MAX_MATCHES = 10_000;

export interface CommandRegex {
  readonly regex: SplRegex;
  /**
   * Matches left to right, at most `limit` (0 = MAX_MATCHES); an empty match advances by one.
   * `spans` asks for each group's position (`match.spans`).
   */
  allMatches(
    text: string,
    limit?: number,
    spans?: boolean,
  ): {
    readonly text: string;
    readonly groups: readonly (string | undefined)[];
    readonly match: SplMatch;
  }[];
}

/**
 * `pattern` is the argument with SPL's string escapes resolved (`\\` → `\`, `\"` → `"`): ESCU
 * writes `"(?<dir>.+\\\)"` for a group ending in one literal backslash, which only parses so.
 */
export function compileRegexOption(
  context: StageCompileContext,
  pattern: string,
  span: Span,
): CommandRegex | readonly Diagnostic[] {
  const compiled = compileSplRegex(pattern);
  if (!compiled.ok) {
    return [
      commandError(
        context,
        EngineCode.badRegex,
        `invalid regular expression: ${compiled.reason}${compiled.offset > 0 ? ` (at offset ${compiled.offset})` : ''}`,
        span,
      ),
    ];
  }
  const regex = compiled.regex;
  return {
    regex,
    allMatches(text, limit = 0, spans = false) {
      const out: { text: string; groups: readonly (string | undefined)[]; match: SplMatch }[] = [];
      const most = limit === 0 ? MAX_MATCHES : limit;
      let from = 0;
      while (from <= text.length && out.length < most) {
        const m = regex.exec(text, from, spans);
        if (m === undefined) break;
        out.push({ text: m.groups[0] ?? '', groups: m.groups.slice(1), match: m });
        from = m.end > m.index ? m.end : m.end + 1;
      }
      return out;
    },
  };
}
