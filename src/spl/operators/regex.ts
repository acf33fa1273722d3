// `regex [field=|field!=]"<pcre>"`: keeps results whose field matches, or does not (Search Reference, regex).
import { fieldReader, type MaybeValue } from '../../core/index.ts';
import type { RegexCommand } from '../ast/command.ts';
import { scalarToString } from '../value/number.ts';
import { failed, type StageCompileContext, type StageResult } from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { compileRegexOption } from './regex-option.ts';
import { filterStage, headerOf } from './stage-kit.ts';

/**
 * Without a field, `_raw` is matched. A multivalue field matches when any value does. With `!=`
 * a result is kept when no value matches, a missing field included.
 */
export function compileRegexCommand(
  command: RegexCommand,
  context: StageCompileContext,
): StageResult {
  const compiled = compileRegexOption(context, command.pattern.value, command.pattern.span);
  if (failed(compiled)) return compiled;
  const { regex } = compiled;
  const field = command.field?.name ?? '_raw';
  const negated = command.negated;
  const matches = (value: MaybeValue): boolean => {
    if (value === undefined) return false;
    if (Array.isArray(value)) return value.some((v) => regex.test(scalarToString(v)));
    return regex.test(scalarToString(value as string | number));
  };
  const read = fieldReader(field);
  return filterStage(
    { ...headerOf(command), needs: (downstream) => unionNeed(downstream, [field]) },
    (row) => matches(read(row)) !== negated,
  );
}
