// Compiles a transforms.conf stanza used by a REPORT into a regex extraction over its SOURCE_KEY.
import { type Diagnostic, error, span } from '../../core/index.ts';
import { compileSplRegex } from '../../spl/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { WrittenFields } from '../model/knowledge-step.ts';
import type { KnowledgeSetting } from '../source/knowledge-text.ts';
import { parseFormat } from './field-format.ts';
import type { LayeredStanza } from './layer-stanzas.ts';
import { extractionWrites, type RegexExtraction } from './regex-extraction.ts';
import { parseConfBoolean, valueError, valueWarning } from './setting-diagnostics.ts';
import {
  TRANSFORM_EXTRACTION,
  TRANSFORM_INDEX_TIME,
  TRANSFORM_LOOKUP,
  TRANSFORM_UNSUPPORTED,
} from './setting-tables.ts';

export interface CompiledTransform {
  readonly name: string;
  /** The field the REGEX reads; `_raw` by default. */
  readonly sourceKey: string;
  readonly extraction: RegexExtraction;
  readonly writes: WrittenFields;
}

export type TransformResult =
  | { readonly ok: true; readonly transform: CompiledTransform; readonly warnings: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/**
 * transforms.conf.spec, search-time extractions: REGEX (required; named groups are fields unless
 * FORMAT maps groups to names), SOURCE_KEY, MV_ADD, CLEAN_KEYS, KEEP_EMPTY_VALS. A stanza that
 * is a lookup, an index-time transform or a DELIMS extraction cannot serve a REPORT.
 */
export function compileTransform(stanza: LayeredStanza): TransformResult {
  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const get = (key: string) => stanza.settings.get(key);
  const stanzaError = (message: string) =>
    error(KNOWLEDGE_CODES.badReport, `transform "${stanza.name}": ${message}`, {
      source: stanza.source,
      span: stanza.nameSpan,
    });
  for (const [key, setting] of stanza.settings) {
    if (TRANSFORM_UNSUPPORTED.has(key)) {
      diagnostics.push(
        valueError(
          KNOWLEDGE_CODES.unsupportedSetting,
          `${key} (delimiter-based extraction) is not supported: write the extraction as a REGEX`,
          setting,
        ),
      );
    } else if (TRANSFORM_INDEX_TIME.has(key)) {
      diagnostics.push(
        stanzaError(`${key} makes it an index-time transform; a REPORT needs a search-time one`),
      );
    } else if (key === 'filename' || key === 'collection' || key === 'external_cmd') {
      diagnostics.push(
        stanzaError(`it defines a lookup (${key}); use it with LOOKUP-, not REPORT-`),
      );
    }
  }
  const regexSetting = get('REGEX');
  if (regexSetting === undefined || regexSetting.value === '') {
    diagnostics.push(stanzaError('REGEX is required for a search-time extraction'));
    return { ok: false, diagnostics };
  }
  const compiled = compileSplRegex(regexSetting.value);
  if (!compiled.ok) {
    diagnostics.push(
      valueError(
        KNOWLEDGE_CODES.badRegex,
        compiled.reason,
        regexSetting,
        span(compiled.offset, compiled.offset + 1),
      ),
    );
    return { ok: false, diagnostics };
  }
  const regex = compiled.regex;
  const formatSetting = get('FORMAT');
  let format: RegexExtraction['format'];
  if (formatSetting !== undefined && formatSetting.value !== '') {
    const parsed = parseFormat(formatSetting.value, regex.groupCount);
    if (parsed.ok) format = parsed.pairs;
    else
      diagnostics.push(
        valueError(KNOWLEDGE_CODES.badFormat, parsed.message, formatSetting, parsed.span),
      );
  } else if (!regex.groupNames.some((name) => name !== undefined)) {
    diagnostics.push(
      valueError(
        KNOWLEDGE_CODES.badFormat,
        'REGEX has no named group and there is no FORMAT: it would extract nothing',
        regexSetting,
      ),
    );
  }
  const flag = (key: string, fallback: boolean): boolean => {
    const setting = get(key);
    if (setting === undefined) return fallback;
    const parsed = parseConfBoolean(setting.value);
    if (parsed === undefined) {
      diagnostics.push(
        valueError(KNOWLEDGE_CODES.badValue, `${key} must be true or false`, setting),
      );
      return fallback;
    }
    return parsed;
  };
  const extraction: RegexExtraction = {
    regex,
    format,
    mvAdd: flag('MV_ADD', false),
    cleanKeys: flag('CLEAN_KEYS', true),
    keepEmpty: flag('KEEP_EMPTY_VALS', false),
  };
  const repeat = get('REPEAT_MATCH');
  if (repeat !== undefined) {
    flag('REPEAT_MATCH', false);
    warnings.push(repeatMatchWarning(repeat));
  }
  const sourceKey = sourceKeyOf(get('SOURCE_KEY'), diagnostics);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return {
    ok: true,
    transform: { name: stanza.name, sourceKey, extraction, writes: extractionWrites(extraction) },
    warnings,
  };
}

function repeatMatchWarning(setting: KnowledgeSetting): Diagnostic {
  return valueWarning(
    KNOWLEDGE_CODES.repeatMatch,
    'REPEAT_MATCH applies to index-time transforms only; a search-time REGEX is applied repeatedly anyway',
    setting,
  );
}

/** SOURCE_KEY names a field at search time; `field:x` is accepted as `x`. KEYs like `MetaData:Host` are index-time. */
function sourceKeyOf(setting: KnowledgeSetting | undefined, diagnostics: Diagnostic[]): string {
  if (setting === undefined || setting.value === '') return '_raw';
  const value = setting.value.replace(/^field:/, '');
  if (value.startsWith('fields:') || value.startsWith('MetaData:') || value.startsWith('queue')) {
    diagnostics.push(
      valueError(
        KNOWLEDGE_CODES.unsupportedSetting,
        `SOURCE_KEY "${setting.value}" is an index-time key; at search time it names one field`,
        setting,
      ),
    );
  }
  return value;
}

/** Keys a transforms stanza may carry, for the load-time check of typos. */
export function isKnownTransformKey(key: string): boolean {
  return (
    TRANSFORM_EXTRACTION.has(key) ||
    TRANSFORM_LOOKUP.has(key) ||
    TRANSFORM_INDEX_TIME.has(key) ||
    TRANSFORM_UNSUPPORTED.has(key)
  );
}
