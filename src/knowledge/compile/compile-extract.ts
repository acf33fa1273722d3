// EXTRACT-<class> = <regex> [in <src_field>]: an inline extraction with named groups.
import { type Diagnostic, fieldReader, span } from '../../core/index.ts';
import { compileSplRegex } from '../../spl/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { ApplyStep } from '../model/knowledge-step.ts';
import type { KnowledgeSetting } from '../source/knowledge-text.ts';
import { extractionWrites, type RegexExtraction, runExtraction } from './regex-extraction.ts';
import { valueError } from './setting-diagnostics.ts';

export type ExtractResult =
  | { readonly ok: true; readonly step: ApplyStep }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** `<regex> in <field>`: the field name is alphanumeric and underscore only (props.conf.spec). */
const IN_FIELD = /\s+in\s+([A-Za-z0-9_]+)\s*$/;

/**
 * props.conf.spec, EXTRACT-<class>: the regex must have named groups; `(?ms)` is put in front
 * of it; without `in <src_field>` it reads `_raw`. A trailing `in <word>` always names the
 * source field (write `[i]n` to match the text "in").
 */
export function compileExtract(setting: KnowledgeSetting, className: string): ExtractResult {
  const fail = (message: string, at?: { start: number; end: number }) => ({
    ok: false as const,
    diagnostics: [valueError(KNOWLEDGE_CODES.badExtract, message, setting, at)],
  });
  const suffix = IN_FIELD.exec(setting.value);
  const pattern = suffix ? setting.value.slice(0, suffix.index) : setting.value;
  const field = suffix?.[1] ?? '_raw';
  if (pattern.trim() === '') return fail('EXTRACT needs a regular expression');
  // The (?ms) prefix shifts offsets by 5; a problem is reported against the pattern as written.
  const compiled = compileSplRegex(`(?ms)${pattern}`);
  if (!compiled.ok) {
    const at = Math.max(0, compiled.offset - 5);
    return {
      ok: false,
      diagnostics: [
        valueError(KNOWLEDGE_CODES.badRegex, compiled.reason, setting, span(at, at + 1)),
      ],
    };
  }
  const regex = compiled.regex;
  if (!regex.groupNames.some((name) => name !== undefined)) {
    return fail(
      'an EXTRACT regex needs named groups, such as (?<user>\\w+)',
      span(0, pattern.length),
    );
  }
  const extraction: RegexExtraction = {
    regex,
    format: undefined,
    mvAdd: false,
    cleanKeys: true,
    keepEmpty: false,
  };
  const readInput = fieldReader(field);
  return {
    ok: true,
    step: {
      phase: 'EXTRACT',
      label: `EXTRACT-${className}`,
      writes: extractionWrites(extraction),
      reads: new Set([field]),
      origin: { source: setting.valueSource, span: setting.valueSpan },
      apply: (event) => runExtraction(extraction, readInput(event), event),
    },
  };
}
