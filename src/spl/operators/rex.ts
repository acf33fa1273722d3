// `rex [field=f] [max_match=N] [offset_field=f] [mode=sed] "<regex>"`: extracts named groups into fields, or edits a field with sed (Search Reference, rex).
import {
  type Diagnostic,
  type Event,
  multivalue,
  readField,
  type Scalar,
  warning,
  writeField,
} from '../../core/index.ts';
import type { RexCommand } from '../ast/command.ts';
import { parseReplacement, replaceAll } from '../eval/functions/regex-functions.ts';
import { scalarToString } from '../value/number.ts';
import {
  commandError,
  EngineCode,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { editFieldText } from './edit-field-text.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { type CommandRegex, compileRegexOption, MAX_MATCHES } from './regex-option.ts';
import { characterIndexOf, type OffsetPair, offsetFieldValue, offsetPair } from './rex-offsets.ts';
import { parseSedExpression } from './sed-expression.ts';
import { defineStage, headerOf, updateStage } from './stage-kit.ts';

export function compileRex(command: RexCommand, context: StageCompileContext): StageResult {
  const field = command.options.field?.value.name ?? '_raw';
  const offsetField = command.options.offset_field;
  if (command.options.mode !== undefined) {
    if (offsetField !== undefined) {
      return [
        commandError(
          context,
          EngineCode.badArgument,
          'offset_field= goes with an extracting regex, not with mode=sed',
          offsetField.span,
        ),
      ];
    }
    return compileSed(command, field, context);
  }
  const regex = compileRegexOption(context, command.pattern.value, command.pattern.span);
  if (failed(regex)) return regex;
  const maxMatch = command.options.max_match?.value ?? 1;
  if (!Number.isInteger(maxMatch) || maxMatch < 0) {
    return [
      commandError(
        context,
        EngineCode.badArgument,
        'max_match must be 0 (no limit) or a positive integer',
        command.options.max_match?.valueSpan ?? command.span,
      ),
    ];
  }
  const names = regex.regex.groupNames;
  const named = names.flatMap((name, group) => (name === undefined ? [] : [{ name, group }]));
  if (named.length === 0) {
    return [
      commandError(
        context,
        EngineCode.badArgument,
        'rex needs at least one named group (?<name>...) to extract',
        command.pattern.span,
      ),
    ];
  }
  // Extracted fields keep their old value where the regex does not match, so they are read too.
  const needs = (downstream: FieldNeed) => unionNeed(downstream, [field]);
  return defineStage(
    { ...headerOf(command), needs },
    'inPlace',
    (services) => {
      let warned = false;
      return {
        push(rows, emit) {
          for (const row of rows) {
            const capped = extract(row, field, regex, named, maxMatch, offsetField?.value.name);
            if (capped && !warned) {
              warned = true;
              services.warn(
                warning(
                  'SPL521',
                  `rex max_match=0 stopped at ${MAX_MATCHES} matches in one value`,
                  {
                    source: context.source,
                    span: command.span,
                  },
                ),
              );
            }
          }
          emit(rows);
        },
        finish() {},
      };
    },
    { streaming: true },
  );
}

/**
 * All matches (up to max_match, over each value of a multivalue field) are collected; each named
 * group that took part becomes its field, multivalue when it matched more than once. A field is
 * left as it was when its group never matched. `_KEY_x`/`_VAL_x` pairs name fields dynamically.
 * With `offsetField`, where each named group matched is written there too.
 */
function extract(
  row: Event,
  field: string,
  regex: CommandRegex,
  named: readonly { readonly name: string; readonly group: number }[],
  maxMatch: number,
  offsetField: string | undefined,
): boolean {
  const value = readField(row, field);
  if (value === undefined) return false;
  const texts = Array.isArray(value)
    ? value.map((v) => scalarToString(v))
    : [scalarToString(value as Scalar)];
  const collected = new Map<string, Scalar[]>();
  const add = (name: string, text: string) => {
    const list = collected.get(name);
    if (list) list.push(text);
    else collected.set(name, [text]);
  };
  const offsets: OffsetPair[] = [];
  let remaining = maxMatch;
  let capped = false;
  for (const text of texts) {
    const matches = regex.allMatches(
      text,
      maxMatch === 0 ? 0 : remaining,
      offsetField !== undefined,
    );
    const characters = offsetField === undefined ? undefined : characterIndexOf(text);
    if (maxMatch === 0 && matches.length === MAX_MATCHES) capped = true;
    remaining -= matches.length;
    for (const m of matches) {
      const keys = new Map<string, string>();
      const vals = new Map<string, string>();
      for (const { name, group } of named) {
        const captured = m.groups[group - 1];
        if (captured === undefined) continue;
        const span = m.match.spans?.[group];
        if (span && characters) offsets.push(offsetPair(name, span, characters));
        if (name.startsWith('_KEY_')) keys.set(name.slice(5), captured);
        else if (name.startsWith('_VAL_')) vals.set(name.slice(5), captured);
        else add(name, captured);
      }
      for (const [id, key] of keys) {
        const val = vals.get(id);
        if (val !== undefined && key !== '') add(key, val);
      }
    }
    if (maxMatch !== 0 && remaining <= 0) break;
  }
  for (const [name, values] of collected) writeField(row, name, multivalue(values));
  if (offsetField !== undefined && offsets.length > 0) {
    writeField(row, offsetField, offsetFieldValue(offsets));
  }
  return capped;
}

function compileSed(command: RexCommand, field: string, context: StageCompileContext): StageResult {
  const sed = parseSedExpression(command.pattern.value);
  if (typeof sed === 'string') {
    return [
      commandError(context, EngineCode.badArgument, `mode=sed: ${sed}`, command.pattern.span),
    ];
  }
  let edit: (text: string) => string;
  if (sed.kind === 'transliterate') {
    const map = new Map([...sed.from].map((ch, i) => [ch, [...sed.to][i] ?? ch]));
    edit = (text) => [...text].map((ch) => map.get(ch) ?? ch).join('');
  } else {
    const regex = compileRegexOption(context, sed.pattern, command.pattern.span);
    if (failed(regex)) return regex as readonly Diagnostic[];
    const template = parseReplacement(sed.replacement);
    const { occurrence } = sed;
    edit =
      occurrence === 0
        ? (text) => replaceAll(text, regex.regex, template)
        : (text) => replaceNth(text, regex, template, occurrence);
  }
  return updateStage(
    { ...headerOf(command), needs: (downstream) => unionNeed(downstream, [field]) },
    (row) => editFieldText(row, field, edit),
  );
}

function replaceNth(
  text: string,
  regex: CommandRegex,
  template: ReturnType<typeof parseReplacement>,
  n: number,
): string {
  const matches = regex.allMatches(text, n);
  const target = matches[n - 1];
  if (target === undefined) return text;
  const m = target.match;
  let replacement = '';
  for (const part of template)
    replacement += typeof part === 'number' ? (m.groups[part] ?? '') : part;
  return text.slice(0, m.index) + replacement + text.slice(m.end);
}
