// `replace "a*" WITH "b*", ... [IN fields]`: replaces whole field values by wildcard pattern (Search Reference, replace).
import type { Event } from '../../core/index.ts';
import type { ReplaceCommand } from '../ast/command.ts';
import {
  commandError,
  EngineCode,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { editFieldText } from './edit-field-text.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { type FieldPattern, fieldPattern, fillPattern } from './field-pattern.ts';
import { headerOf, updateStage } from './stage-kit.ts';

interface Replacement {
  readonly from: FieldPattern;
  readonly to: string;
  /** Literal characters in `from`: a fuller match wins among wildcard patterns. */
  readonly weight: number;
}

/**
 * Values are matched whole and case-sensitively. An exact pattern beats wildcard ones, and a
 * later exact pattern beats an earlier one; among wildcard patterns the one with more literal
 * text wins ("fuller matches take precedence"). `*` in the replacement takes the matched text.
 * Without IN, every field not starting with `_` is replaced.
 */
export function compileReplace(command: ReplaceCommand, context: StageCompileContext): StageResult {
  const replacements: Replacement[] = [];
  for (const pair of command.replacements) {
    const from = pair.from.value;
    const to = pair.to.value;
    const stars = (t: string) => t.split('*').length - 1;
    if (stars(to) > 0 && stars(to) !== stars(from)) {
      return [
        commandError(
          context,
          EngineCode.badArgument,
          'the replacement must have as many "*" as the pattern, or none',
          pair.span,
        ),
      ];
    }
    replacements.push({ from: fieldPattern(from), to, weight: from.replaceAll('*', '').length });
  }
  const fields = command.fields?.map((f) => f.name);
  const replaceValue = (text: string): string => {
    let best: { r: Replacement; captures: string[] } | undefined;
    for (const r of replacements) {
      const captures = r.from.captures(text);
      if (captures === undefined) continue;
      if (!r.from.wildcard) {
        best = { r, captures };
        continue;
      }
      if (best === undefined || (best.r.from.wildcard && r.weight > best.r.weight))
        best = { r, captures };
    }
    return best === undefined ? text : fillPattern(best.r.to, best.captures);
  };
  const apply = (row: Event, field: string) => editFieldText(row, field, replaceValue);
  const needs = (downstream: FieldNeed): FieldNeed =>
    fields === undefined ? downstream : unionNeed(downstream, fields);
  return updateStage({ ...headerOf(command), needs }, (row) => {
    if (fields !== undefined) {
      for (const field of fields) apply(row, field);
      return;
    }
    for (const key of Object.keys(row)) if (!key.startsWith('_')) apply(row, key);
  });
}
