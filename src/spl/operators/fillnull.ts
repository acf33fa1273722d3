// `fillnull [value=x] [fields]`: gives null fields a value, `0` by default (Search Reference, fillnull).
import { type Event, readField, writeField } from '../../core/index.ts';
import type { FillnullCommand } from '../ast/command.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { collectingStage, headerOf, updateStage } from './stage-kit.ts';

const FILLNULL_DEFAULT = '0';

/**
 * With a field list it streams, creating listed fields that are missing. Without one it fills
 * every field that has a value in some other result ("null values are field values that are
 * missing in a particular result but present in another result"), so it needs all the results
 * first: Splunk calls it a dataset processing command then, and so it holds every row here.
 */
export function compileFillnull(
  command: FillnullCommand,
  context: StageCompileContext,
): StageResult {
  const value = command.options.value?.value ?? FILLNULL_DEFAULT;
  const header = headerOf(command);
  if (command.fields.length > 0) {
    const fields = [...new Set(command.fields.map((f) => f.name))];
    const needs = (downstream: FieldNeed) => unionNeed(downstream, fields);
    return updateStage({ ...header, needs }, (row) => {
      for (const field of fields)
        if (readField(row, field) === undefined) writeField(row, field, value);
    });
  }
  return collectingStage(
    { ...header, needs: (downstream) => downstream },
    'inPlace',
    (rows) => {
      const present = new Set<string>();
      for (const row of rows)
        for (const key of Object.keys(row)) if (row[key] !== undefined) present.add(key);
      const fields = [...present];
      for (const row of rows) fillAll(row, fields, value);
      return rows;
    },
    context.source,
  );
}

function fillAll(row: Event, fields: readonly string[], value: string): void {
  for (const field of fields)
    if (readField(row, field) === undefined) writeField(row, field, value);
}
