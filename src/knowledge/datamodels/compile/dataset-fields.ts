// The fields of a dataset under both namings: `Processes.process_name` (prefixed) and `process_name` (plain).
import type { DatasetNaming } from '../../../spl/operators/tstats-data-model.ts';
import { INHERITED_FIELDS } from '../model/data-model-spec.ts';
import type { CompiledDataset } from './compile-dataset.ts';

/** Output name → the field's plain name, in the order the data model lists them. */
export type FieldNames = ReadonlyMap<string, string>;

/** From the root down to `dataset`. */
export function chainOf(dataset: CompiledDataset): CompiledDataset[] {
  const chain: CompiledDataset[] = [];
  for (let d: CompiledDataset | undefined = dataset; d !== undefined; d = d.parent)
    chain.unshift(d);
  return chain;
}

/**
 * Inherited fields keep their names; a dataset's own fields (extracted or calculated) are
 * prefixed with the dataset's path from the root (Search Reference, tstats: fields of a data
 * model are `<dataset>.<field>`; a child's own fields carry the whole path). In the plain naming
 * a child's field hides a parent's of the same name.
 */
export function fieldNamesOf(dataset: CompiledDataset, naming: DatasetNaming): FieldNames {
  const names = new Map<string, string>();
  for (const field of INHERITED_FIELDS) names.set(field, field);
  for (const level of chainOf(dataset)) {
    const prefix = level.path.join('.');
    const own = [...level.extracted, ...level.calculated.map((c) => c.field)];
    for (const field of own) names.set(naming === 'prefixed' ? `${prefix}.${field}` : field, field);
  }
  return names;
}
