// `addtotals [row=b] [col=b] [labelfield=f] [label=s] [fieldname=f] [fields]`: sums numeric fields (Search Reference, addtotals).
import { type Event, type Scalar, writeField } from '../../core/index.ts';
import type { AddtotalsCommand } from '../ast/command.ts';
import { scalarToNumber } from '../value/number.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { type FieldNeed, unionNeed, withoutFields } from './field-need.ts';
import { fieldPattern } from './field-pattern.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/**
 * row=true (default) writes each row's sum of its numeric fields (the listed ones, wildcards
 * allowed, else every field not starting with `_`) to `fieldname` (default Total). col=true adds
 * a last row with each numeric column's sum, and `label` (default Total) in `labelfield`.
 */
export function compileAddtotals(
  command: AddtotalsCommand,
  _context: StageCompileContext,
): StageResult {
  const o = command.options;
  const row = o.row?.value ?? true;
  const col = o.col?.value ?? false;
  const totalField = o.fieldname?.value ?? 'Total';
  const labelField = o.labelfield?.value;
  const label = o.label?.value ?? 'Total';
  const patterns = command.fields.map((f) => fieldPattern(f.name));
  const selected = (field: string) =>
    field !== totalField &&
    (patterns.length === 0 ? !field.startsWith('_') : patterns.some((p) => p.matches(field)));
  const needs = (downstream: FieldNeed): FieldNeed =>
    patterns.length === 0 || patterns.some((p) => p.wildcard)
      ? 'all'
      : unionNeed(
          withoutFields(downstream, [totalField]),
          patterns.map((p) => p.text),
        );
  return defineStage({ ...headerOf(command), needs }, 'inPlace', () => {
    const columns = new Map<string, number>();
    return {
      push(rows, emit) {
        for (const r of rows) {
          let sum = 0;
          let any = false;
          for (const key of Object.keys(r)) {
            if (!selected(key)) continue;
            const n = numberOf(r[key]);
            if (n === undefined) continue;
            sum += n;
            any = true;
            if (col) columns.set(key, (columns.get(key) ?? 0) + n);
          }
          if (row && any) writeField(r, totalField, sum);
          if (col && row && any) columns.set(totalField, (columns.get(totalField) ?? 0) + sum);
        }
        emit(rows);
      },
      finish(emit) {
        if (!col) return;
        const totals: Event = {};
        for (const [key, sum] of columns) writeField(totals, key, sum);
        if (labelField !== undefined) writeField(totals, labelField, label);
        emit([totals]);
      },
    };
  });
}

function numberOf(value: Event[string]): number | undefined {
  if (value === undefined || Array.isArray(value)) return undefined;
  return scalarToNumber(value as Scalar);
}
