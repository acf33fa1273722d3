// `makemv [delim=s | tokenizer=re] [allowempty=b] [setsv=b] field`: splits a value into a multivalue (Search Reference, makemv).
import { multivalue, readField, type Scalar, writeField } from '../../core/index.ts';
import type { MakemvCommand } from '../ast/command.ts';
import { scalarToString } from '../value/number.ts';
import {
  commandError,
  EngineCode,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { compileRegexOption } from './regex-option.ts';
import { headerOf, updateStage } from './stage-kit.ts';

/**
 * delim (default one space) splits on the literal text; tokenizer takes each match's first
 * capture group (or the whole match) as a value. Empty values are dropped unless allowempty=true.
 * setsv=true also keeps the original text... as Splunk's docs say it does, the field stays single-valued.
 */
export function compileMakemv(command: MakemvCommand, context: StageCompileContext): StageResult {
  const field = command.field.name;
  const allowEmpty = command.options.allowempty?.value ?? false;
  const setsv = command.options.setsv?.value ?? false;
  const tokenizerOption = command.options.tokenizer;
  if (tokenizerOption !== undefined && command.options.delim !== undefined) {
    return [
      commandError(
        context,
        EngineCode.badArgument,
        'give delim= or tokenizer=, not both',
        tokenizerOption.span,
      ),
    ];
  }
  let split: (text: string) => string[];
  if (tokenizerOption !== undefined) {
    const regex = compileRegexOption(context, tokenizerOption.value, tokenizerOption.valueSpan);
    if (failed(regex)) return regex;
    const tokenizer = regex;
    split = (text) => tokenizer.allMatches(text).map((m) => m.groups[0] ?? m.text);
  } else {
    const delim = command.options.delim?.value ?? ' ';
    split = (text) => (delim === '' ? [...text] : text.split(delim));
  }
  return updateStage(
    { ...headerOf(command), needs: (downstream) => unionNeed(downstream, [field]) },
    (row) => {
      const value = readField(row, field);
      if (value === undefined || Array.isArray(value) || setsv) return;
      const parts = split(scalarToString(value as Scalar));
      writeField(row, field, multivalue(allowEmpty ? parts : parts.filter((p) => p !== '')));
    },
  );
}
