// LOOKUP-<class> = <table> (<field> [AS <event field>])+ [OUTPUT|OUTPUTNEW (<field> [AS <event field>])+]
import { type Diagnostic, type Span, span } from '../../core/index.ts';
import {
  compileLookupApplication,
  type LookupApplication,
  type LookupFieldPair,
  type LookupProvider,
} from '../../spl/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { ApplyStep } from '../model/knowledge-step.ts';
import type { KnowledgeSetting } from '../source/knowledge-text.ts';
import { valueError } from './setting-diagnostics.ts';
import { type SettingWord, splitSettingWords } from './setting-words.ts';

export type LookupResult =
  | { readonly ok: true; readonly step: ApplyStep }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

interface ParsedLookupSetting {
  readonly table: SettingWord;
  readonly application: LookupApplication;
}

/**
 * props.conf.spec, LOOKUP-<class>: matching uses the lookup command's rules (the SPL lookup
 * layer); OUTPUTNEW writes only fields that have no value yet; OUTPUT (and no output list, which
 * outputs every other column) overwrites, clearing the outputs of an event whose inputs find no
 * row. An event missing an input field is left as it is.
 */
export function compileLookup(
  setting: KnowledgeSetting,
  className: string,
  lookups: LookupProvider,
): LookupResult {
  const fail = (message: string, at?: Span, notes: Diagnostic['notes'] = []) => ({
    ok: false as const,
    diagnostics: [
      {
        ...valueError(KNOWLEDGE_CODES.badLookup, message, setting, at),
        ...(notes.length > 0 ? { notes } : {}),
      },
    ],
  });
  const parsed = parseLookupSetting(setting.value);
  if ('message' in parsed) return fail(parsed.message, parsed.span);
  const { table, application } = parsed;
  const resolved = lookups.resolve(table.text);
  if ('severity' in resolved) return fail(resolved.message, table.span, resolved.notes);
  const apply = compileLookupApplication(resolved, application);
  if ('severity' in apply) return fail(apply.message, table.span, apply.notes);
  const inputColumns = new Set(application.inputs.map((p) => p.lookupField));
  const outputs =
    application.outputs?.map((p) => p.eventField) ??
    resolved.table.columns.filter((c) => !inputColumns.has(c));
  const reads = new Set(application.inputs.map((p) => p.eventField));
  if (application.mode === 'OUTPUTNEW') for (const field of outputs) reads.add(field);
  return {
    ok: true,
    step: {
      phase: 'LOOKUP',
      label: `LOOKUP-${className}`,
      writes: new Set(outputs),
      reads,
      origin: { source: setting.valueSource, span: setting.valueSpan },
      apply,
    },
  };
}

function parseLookupSetting(
  value: string,
): ParsedLookupSetting | { readonly message: string; readonly span: Span } {
  const split = splitSettingWords(value);
  if ('message' in split) return split;
  const words = split.filter((w) => !w.comma);
  const table = words[0];
  if (table === undefined) return { message: 'LOOKUP needs a lookup name', span: span(0, 0) };
  const isOutput = (w: SettingWord | undefined) =>
    w !== undefined && !w.quoted && ['OUTPUT', 'OUTPUTNEW'].includes(w.text.toUpperCase());
  let i = 1;
  const readPairs = (stopAtOutput: boolean) => {
    const pairs: LookupFieldPair[] = [];
    while (i < words.length && !(stopAtOutput && isOutput(words[i]))) {
      const field = words[i] as SettingWord;
      const as = words[i + 1];
      if (as !== undefined && !as.quoted && as.text.toUpperCase() === 'AS') {
        const target = words[i + 2];
        if (target === undefined || isOutput(target)) {
          return { message: `expected a field name after AS`, span: as.span };
        }
        pairs.push({ lookupField: field.text, eventField: target.text });
        i += 3;
      } else {
        pairs.push({ lookupField: field.text, eventField: field.text });
        i += 1;
      }
    }
    return pairs;
  };
  const inputs = readPairs(true);
  if ('message' in inputs) return inputs;
  if (inputs.length === 0) {
    return {
      message: `LOOKUP ${table.text} needs at least one field to match on`,
      span: table.span,
    };
  }
  if (i >= words.length) {
    return { table, application: { inputs, outputs: undefined, mode: 'OUTPUT' } };
  }
  const keyword = words[i] as SettingWord;
  i++;
  const outputs = readPairs(false);
  if ('message' in outputs) return outputs;
  if (outputs.length === 0) {
    return {
      message: `${keyword.text.toUpperCase()} needs at least one field`,
      span: keyword.span,
    };
  }
  const mode = keyword.text.toUpperCase() === 'OUTPUTNEW' ? 'OUTPUTNEW' : 'OUTPUT';
  return { table, application: { inputs, outputs, mode } };
}
