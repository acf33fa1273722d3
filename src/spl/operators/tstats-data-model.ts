// What tstats, datamodel and from datamodel ask of a data-model layer; the layer is injected (spl may not import knowledge).
import type { Event } from '../../core/index.ts';
import type { RouteFilter } from '../plan/route-filter.ts';
import type { FieldNeed } from './field-need.ts';

/**
 * How projected rows name a dataset's fields. `prefixed` is how tstats and `datamodel ... search`
 * write them (`Processes.process_name`; a child dataset's own fields carry its whole path,
 * `All_Changes.Account_Management.src_user`); `plain` is how `from datamodel` and `datamodel ...
 * flat` do (`process_name`). Inherited fields (`_time`, `host`, `source`, `sourcetype`, `index`)
 * are never prefixed.
 */
export type DatasetNaming = 'prefixed' | 'plain';

/** One dataset (a data model object) as the commands see it. */
export interface DataModelDataset {
  /** `Endpoint`. */
  readonly model: string;
  /** From the root dataset down: `['Processes']`, `['Authentication', 'Failed_Authentication']`. */
  readonly path: readonly string[];
  /** Every field of the dataset, by prefixed name, inherited fields included. */
  readonly fields: ReadonlySet<string>;
  /**
   * A dataset below this one's root named as tstats' `nodename=` names it: `DNS`,
   * `Authentication.Failed_Authentication`, `All_Changes.Account_Management.Accounts_Created`.
   */
  node(nodename: string): DataModelDataset | undefined;
  /** The per-event projection computing only `fields` (by name in `naming`), or every field. */
  project(fields: ReadonlySet<string> | 'all', naming: DatasetNaming): DatasetProjection;
}

export interface DatasetProjection {
  /** The event fields it reads (dataset membership included): what the knowledge layer computes. */
  readonly reads: FieldNeed;
  /** Which events can belong to the dataset at all (for routers; an over-approximation). */
  readonly route: RouteFilter;
  /**
   * The dataset's row for an event with the wanted fields (a new object, the event untouched), or
   * undefined when the event does not belong to the dataset.
   */
  project(event: Event): Event | undefined;
}

export type DatasetResolution =
  | { readonly ok: true; readonly dataset: DataModelDataset }
  | { readonly ok: false; readonly message: string; readonly notes: readonly string[] };

export interface DataModelProvider {
  /** `Endpoint.Processes`, `Network_Traffic` (its only root dataset), `Risk.All_Risk`. */
  resolve(reference: string): DatasetResolution;
}
