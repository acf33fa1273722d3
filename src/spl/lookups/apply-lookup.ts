// Enriches one event from a lookup: the `lookup` command's semantics, reusable by automatic lookups.
import {
  type Diagnostic,
  type Event,
  error,
  fieldReader,
  fieldWriter,
  isMultivalue,
  type MaybeValue,
  multivalue,
  type Scalar,
} from '../../core/index.ts';
import { scalarToString } from '../value/number.ts';
import { buildLookupMatcher } from './lookup-matcher.ts';
import type { ResolvedLookup } from './lookup-store.ts';

/** `lookup-field AS event-field`: a lookup column and the event field it pairs with. */
export interface LookupFieldPair {
  readonly lookupField: string;
  readonly eventField: string;
}

export interface LookupApplication {
  readonly inputs: readonly LookupFieldPair[];
  /** Undefined: every column that is not an input, under its own name (no OUTPUT clause). */
  readonly outputs: readonly LookupFieldPair[] | undefined;
  /** OUTPUT overwrites; OUTPUTNEW only fills fields the event does not have. */
  readonly mode: 'OUTPUT' | 'OUTPUTNEW';
}

export type ApplyLookup = (event: Event) => void;

/** Past this many input-value combinations (cartesian product of multivalue inputs) we stop. */
const MAX_COMBINATIONS = 10_000;

/**
 * Semantics (Search Reference, lookup; Knowledge Manager manual, field matching rules): an event
 * missing an input field is left as it is. Each combination of input values is looked up; rows
 * match in file order up to max_matches; below min_matches, default_match fills the gap. The
 * output values of all matches, in order, become the output field (multivalue when several).
 * OUTPUT writes the field even when nothing matched (making it null); OUTPUTNEW leaves fields
 * that already have a value.
 */
export function compileLookupApplication(
  lookup: ResolvedLookup,
  application: LookupApplication,
): ApplyLookup | Diagnostic {
  const { table, definition } = lookup;
  const missing = [
    ...application.inputs.map((p) => p.lookupField),
    ...(application.outputs ?? []).map((p) => p.lookupField),
  ].filter((c) => !table.columns.includes(c));
  if (missing.length > 0) {
    return error(
      'LKP304',
      `lookup "${definition.name}" has no column ${missing.map((c) => `"${c}"`).join(', ')}`,
      { notes: [{ message: `its columns: ${table.columns.join(', ') || '(none)'}` }] },
    );
  }
  const inputColumns = application.inputs.map((p) => p.lookupField);
  const outputs =
    application.outputs ??
    table.columns
      .filter((c) => !inputColumns.includes(c))
      .map((c) => ({ lookupField: c, eventField: c }));
  const outputIndex = outputs.map((p) => table.columns.indexOf(p.lookupField));
  const matcher = buildLookupMatcher(table, definition, inputColumns);
  const { minMatches, defaultMatch } = definition;
  const overwrite = application.mode === 'OUTPUT';
  const inputReads = application.inputs.map((p) => fieldReader(p.eventField));
  const outputReads = outputs.map((p) => fieldReader(p.eventField));
  const outputWrites = outputs.map((p) => fieldWriter(p.eventField));

  return (event) => {
    if (!overwrite && outputReads.every((read) => read(event) !== undefined)) return;
    const inputValues: string[][] = [];
    for (const read of inputReads) {
      const value = read(event);
      if (value === undefined) return;
      inputValues.push(textsOf(value));
    }
    const collected: Scalar[][] = outputs.map(() => []);
    forEachCombination(inputValues, (keys) => {
      const rows = matcher.match(keys);
      for (const r of rows) {
        const row = table.rows[r] ?? [];
        outputIndex.forEach((c, k) => {
          const cell = row[c];
          if (cell !== undefined) collected[k]?.push(cell);
        });
      }
      if (rows.length < minMatches && defaultMatch !== undefined) {
        for (let n = rows.length; n < minMatches; n++) {
          for (const list of collected) list.push(defaultMatch);
        }
      }
    });
    outputWrites.forEach((write, k) => {
      if (!overwrite && outputReads[k]?.(event) !== undefined) return;
      write(event, multivalue(collected[k] ?? []));
    });
  };
}

function textsOf(value: MaybeValue): string[] {
  if (value === undefined) return [];
  return isMultivalue(value) ? value.map(scalarToString) : [scalarToString(value)];
}

function forEachCombination(lists: readonly string[][], visit: (keys: string[]) => void): void {
  let total = 1;
  for (const list of lists) total *= list.length;
  const count = Math.min(total, MAX_COMBINATIONS);
  const keys = new Array<string>(lists.length);
  for (let n = 0; n < count; n++) {
    let rest = n;
    for (let i = lists.length - 1; i >= 0; i--) {
      const list = lists[i] ?? [];
      keys[i] = list[rest % list.length] ?? '';
      rest = Math.floor(rest / list.length);
    }
    visit(keys);
  }
}
