// A data model as data: datasets in a tree, each with its constraint, its fields and its calculated fields.

/** A calculated field: an SPL eval expression over the row as computed so far. */
export interface CalculatedField {
  readonly field: string;
  readonly expression: string;
}

/**
 * One dataset (a data model object). A child inherits its parent's fields and calculations and
 * adds its own constraint on the parent's rows (Knowledge Manager Manual, "Design data models":
 * child datasets inherit fields and constraints).
 */
export interface DatasetSpec {
  readonly name: string;
  /**
   * A search clause. A root's constraint reads the event's own fields and `tag` (the event's
   * tags, docs/datamodels.md); a child's reads the parent's row with its calculated fields.
   * Empty: every event (or every parent row).
   */
  readonly constraint: string;
  /** Fields taken from the event as it is (beyond the parent's). */
  readonly fields: readonly string[];
  /** Calculated fields, in evaluation order; each may read the ones before it. */
  readonly calculated: readonly CalculatedField[];
  readonly children: readonly DatasetSpec[];
}

export interface DataModelSpec {
  readonly name: string;
  readonly roots: readonly DatasetSpec[];
}

/** Fields every dataset inherits from the event (the data model's BaseEvent). */
export const INHERITED_FIELDS = ['_time', 'host', 'source', 'sourcetype', 'index'] as const;

/** A field a dataset lists whose value is the event's tags (data models reach tags through it). */
export const TAG_FIELD = 'tag';

export interface DatasetParts {
  readonly constraint?: string;
  /** Space-separated field names. */
  readonly fields?: string;
  /** Field → expression, in evaluation order. */
  readonly calculated?: Readonly<Record<string, string>>;
  readonly children?: readonly DatasetSpec[];
}

export function dataset(name: string, parts: DatasetParts): DatasetSpec {
  return {
    name,
    constraint: parts.constraint ?? '',
    fields: (parts.fields ?? '').split(/\s+/).filter((f) => f !== ''),
    calculated: Object.entries(parts.calculated ?? {}).map(([field, expression]) => ({
      field,
      expression,
    })),
    children: parts.children ?? [],
  };
}

export function dataModel(name: string, roots: readonly DatasetSpec[]): DataModelSpec {
  return { name, roots };
}
