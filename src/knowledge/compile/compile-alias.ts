// FIELDALIAS-<class> = (<orig> AS|ASNEW <new>)+ : one step per alias pair.
import {
  type Diagnostic,
  type Event,
  fieldReader,
  fieldWriter,
  type MaybeValue,
  type Span,
  span,
} from '../../core/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { ApplyStep } from '../model/knowledge-step.ts';
import type { KnowledgeSetting } from '../source/knowledge-text.ts';
import { valueError } from './setting-diagnostics.ts';
import { type SettingWord, splitSettingWords } from './setting-words.ts';

export type AliasMode = 'AS' | 'ASNEW';

export interface AliasPair {
  readonly from: string;
  readonly to: string;
  readonly mode: AliasMode;
  /** Offsets in the setting's value. */
  readonly span: Span;
}

export type AliasResult =
  | { readonly ok: true; readonly steps: readonly ApplyStep[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * props.conf.spec, FIELDALIAS: with AS the alias takes the original's value, replacing what it
 * had, and is removed when the original has no value; with ASNEW an alias that already has a
 * value keeps it, and is kept when the original has none. Pairs may be separated by commas (as
 * add-ons write them) and names may be double-quoted. An empty string counts as no value.
 */
export function compileAlias(setting: KnowledgeSetting, className: string): AliasResult {
  const parsed = parseAliasPairs(setting.value);
  if ('message' in parsed) {
    return {
      ok: false,
      diagnostics: [valueError(KNOWLEDGE_CODES.badAlias, parsed.message, setting, parsed.span)],
    };
  }
  const steps = parsed.map((pair): ApplyStep => {
    const { from, to } = pair;
    const readFrom = fieldReader(from);
    const readTo = fieldReader(to);
    const writeTo = fieldWriter(to);
    const apply =
      pair.mode === 'AS'
        ? (event: Event) => {
            const value = readFrom(event);
            if (hasValue(value)) writeTo(event, value);
            // Only an alias that exists needs removing: absent fields are not added as null.
            else if (readTo(event) !== undefined) writeTo(event, undefined);
          }
        : (event: Event) => {
            const value = readFrom(event);
            if (hasValue(value) && !hasValue(readTo(event))) writeTo(event, value);
          };
    return {
      phase: 'FIELDALIAS',
      label: `FIELDALIAS-${className}: ${from} ${pair.mode} ${to}`,
      writes: new Set([to]),
      reads: pair.mode === 'AS' ? new Set([from]) : new Set([from, to]),
      origin: {
        source: setting.valueSource,
        span: span(
          setting.valueSpan.start + pair.span.start,
          setting.valueSpan.start + pair.span.end,
        ),
      },
      apply,
    };
  });
  return { ok: true, steps };
}

function hasValue(value: MaybeValue): boolean {
  return value !== undefined && value !== '';
}

/** The pairs, or what is wrong and where (offsets in `value`). */
function parseAliasPairs(
  value: string,
): readonly AliasPair[] | { readonly message: string; readonly span: Span } {
  const words = splitSettingWords(value);
  if ('message' in words) return words;
  const pairs: AliasPair[] = [];
  let i = 0;
  const list = words.filter((w) => !w.comma);
  if (list.length === 0)
    return { message: 'FIELDALIAS needs "<field> AS <alias>"', span: span(0, 0) };
  while (i < list.length) {
    const from = list[i] as SettingWord;
    const keyword = list[i + 1];
    const to = list[i + 2];
    const mode = keyword && !keyword.quoted ? keyword.text.toUpperCase() : '';
    if (keyword === undefined || (mode !== 'AS' && mode !== 'ASNEW')) {
      return {
        message: `expected AS or ASNEW after "${from.text}"`,
        span: keyword?.span ?? from.span,
      };
    }
    if (to === undefined) {
      return { message: `expected the alias name after ${mode}`, span: keyword.span };
    }
    pairs.push({
      from: from.text,
      to: to.text,
      mode: mode as AliasMode,
      span: span(from.span.start, to.span.end),
    });
    i += 3;
  }
  return pairs;
}
