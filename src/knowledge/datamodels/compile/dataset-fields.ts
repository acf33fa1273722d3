// The fields of a dataset under both namings: `Processes.process_name` (prefixed) and `process_name` (plain).
import type { DatasetNaming } from '../../../spl/index.ts';
import { INHERITED_FIELDS } from '../model/data-model-spec.ts';
import type { CompiledDataset } from './compile-dataset.ts';

export interface FieldOrigin {
  /** The field's own (plain) name. */
  readonly field: string;
  /** The dataset that defines it; undefined for the inherited fields. */
  readonly owner: CompiledDataset | undefined;
}

/** Output name → where the field comes from, in the order the data model lists them. */
export type FieldNames = ReadonlyMap<string, FieldOrigin>;

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
 * model are `<dataset>.<field>`; a child's own fields carry the whole path). Prefixed names also
 * reach the datasets below (`from datamodel=Change` can group by
 * `All_Changes.Instance_Changes.instance_type`, null for rows outside that child), as an
 * accelerated summary holds them. In the plain naming a child's field hides a parent's of the
 * same name, and the datasets below are not reached (their names would collide).
 */
export function fieldNamesOf(dataset: CompiledDataset, naming: DatasetNaming): FieldNames {
  const names = new Map<string, FieldOrigin>();
  for (const field of INHERITED_FIELDS) names.set(field, { field, owner: undefined });
  const addOwn = (level: CompiledDataset) => {
    const prefix = level.path.join('.');
    const own = [...level.extracted, ...level.calculated.map((c) => c.field)];
    for (const field of own) {
      names.set(naming === 'prefixed' ? `${prefix}.${field}` : field, { field, owner: level });
    }
  };
  for (const level of chainOf(dataset)) addOwn(level);
  if (naming === 'prefixed') {
    const below = (level: CompiledDataset): void => {
      for (const child of level.children) {
        addOwn(child);
        below(child);
      }
    };
    below(dataset);
  }
  return names;
}
