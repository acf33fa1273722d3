// Runs a search-time regex extraction (EXTRACT or a REPORT transform) over one event's source text.
import {
  type Event,
  type MaybeValue,
  multivalue,
  readField,
  type Scalar,
  valuesOf,
  writeField,
} from '../../core/index.ts';
import { type SplRegex, scalarToString } from '../../spl/index.ts';
import type { WrittenFields } from '../model/knowledge-step.ts';
import type { FormatPair, FormatPart } from './field-format.ts';

export interface RegexExtraction {
  readonly regex: SplRegex;
  /** From FORMAT; undefined: the named groups are the fields (with `_KEY_x` / `_VAL_x` pairs). */
  readonly format: readonly FormatPair[] | undefined;
  /** MV_ADD: a value for a field that already has one is appended instead of dropped. */
  readonly mvAdd: boolean;
  /** CLEAN_KEYS: names taken from the data get non-alphanumerics as `_`, leading `_`/digits cut. */
  readonly cleanKeys: boolean;
  /** KEEP_EMPTY_VALS: empty values are kept instead of dropped. */
  readonly keepEmpty: boolean;
}

/** Matches past this many in one text are ignored: a bound on work for hostile input. */
const MAX_MATCHES = 10_000;

/** The field names an extraction writes, or `dynamic` when they come from the data. */
export function extractionWrites(extraction: RegexExtraction): WrittenFields {
  const { format, regex } = extraction;
  if (format !== undefined) {
    const names = new Set<string>();
    for (const pair of format) {
      if (pair.name.kind === 'group') return 'dynamic';
      names.add(pair.name.text);
    }
    return names;
  }
  const names = new Set<string>();
  for (const name of regex.groupNames) {
    if (name === undefined) continue;
    if (name.startsWith('_KEY_')) return 'dynamic';
    if (!name.startsWith('_VAL_')) names.add(name);
  }
  return names;
}

/**
 * Applies the regex to each value of `input` repeatedly, each match starting where the last one
 * ended (transforms.conf.spec: a search-time REGEX "attempts to match against the source text,
 * extracting as many fields as can be identified"). A field that already has a value keeps it,
 * unless MV_ADD appends (transforms.conf.spec, MV_ADD); a field found twice in this run likewise
 * keeps its first value unless MV_ADD.
 */
export function runExtraction(extraction: RegexExtraction, input: MaybeValue, event: Event): void {
  if (input === undefined) return;
  const found = new Map<string, Scalar[]>();
  for (const value of valuesOf(input)) collectMatches(extraction, scalarToString(value), found);
  for (const [name, values] of found) {
    const existing = readField(event, name);
    if (existing === undefined) {
      writeField(event, name, extraction.mvAdd ? multivalue(values) : values[0]);
    } else if (extraction.mvAdd) {
      writeField(event, name, multivalue([...valuesOf(existing), ...values]));
    }
  }
}

function collectMatches(
  extraction: RegexExtraction,
  text: string,
  found: Map<string, Scalar[]>,
): void {
  const add = (rawName: string | undefined, value: string | undefined, dynamic: boolean) => {
    if (rawName === undefined || value === undefined) return;
    if (value === '' && !extraction.keepEmpty) return;
    const name = dynamic && extraction.cleanKeys ? cleanKey(rawName) : rawName;
    if (name === '') return;
    const list = found.get(name);
    if (list === undefined) found.set(name, [value]);
    else if (extraction.mvAdd) list.push(value);
  };
  const { regex, format } = extraction;
  let from = 0;
  for (let n = 0; n < MAX_MATCHES && from <= text.length; n++) {
    const match = regex.exec(text, from);
    if (match === undefined) break;
    if (format !== undefined) {
      for (const pair of format) {
        add(
          partValue(pair.name, match.groups),
          partValue(pair.value, match.groups),
          pair.name.kind === 'group',
        );
      }
    } else {
      regex.groupNames.forEach((name, index) => {
        if (name === undefined || name.startsWith('_VAL_')) return;
        if (name.startsWith('_KEY_')) {
          const valueIndex = regex.groupNames.indexOf(`_VAL_${name.slice(5)}`);
          add(match.groups[index], valueIndex < 0 ? undefined : match.groups[valueIndex], true);
        } else {
          add(name, match.groups[index], false);
        }
      });
    }
    // An empty match moves on by one character, so the loop always advances.
    from = match.end > match.index ? match.end : match.end + 1;
  }
}

function partValue(part: FormatPart, groups: readonly (string | undefined)[]): string | undefined {
  return part.kind === 'text' ? part.text : groups[part.index];
}

/**
 * transforms.conf.spec, CLEAN_KEYS: characters other than a-z, A-Z, 0-9 become `_`, and leading
 * underscores and digits are removed.
 */
function cleanKey(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '_').replace(/^[_0-9]+/, '');
}
