// The few reads the detect role makes of its own output: events of one index within a time range
// whose field equals one of some values (case-insensitive, as risk objects compare), collected.
import type { Event } from '../../../core/index.ts';
import type { EventStore } from '../../store/event-store.ts';
import type { StoreFilter } from '../../store/store-query.ts';

export interface ValuesQuery {
  readonly index: string;
  readonly earliest?: number;
  /** Exclusive. */
  readonly latest?: number;
  /** Conditions every event meets: field = value (case-insensitive). */
  readonly where?: Readonly<Record<string, string>>;
  /** The field and the values one of which it must have (case-insensitive). */
  readonly field?: string;
  readonly values?: readonly string[];
  readonly fields: readonly string[] | 'all';
  /** Stops after this many events (newest first). */
  readonly limit?: number;
}

/** How the writer reads its own output: from the store, or from its in-memory copy (output-mirror.ts). */
export type ReadValues = (query: ValuesQuery) => Promise<Event[]>;

/** Whether an event meets a query's `where` and `field`/`values` conditions (not its time range). */
export function valuesMatcher(query: ValuesQuery): (event: Event) => boolean {
  const where = Object.entries(query.where ?? {}).map(([f, v]) => [f, v.toLowerCase()] as const);
  const field = query.field;
  const wanted =
    query.values === undefined ? undefined : new Set(query.values.map((v) => v.toLowerCase()));
  return (event) =>
    where.every(([f, v]) => lower(event[f]) === v) &&
    (field === undefined || wanted === undefined || wanted.has(lower(event[field]) ?? ''));
}

/** Events newest first; the store's filter may admit more, so each is checked again here. */
export async function readValues(
  store: Pick<EventStore, 'query'>,
  query: ValuesQuery,
): Promise<Event[]> {
  const where = Object.entries(query.where ?? {});
  const values = query.values?.map((v) => v.toLowerCase());
  if (values !== undefined && values.length === 0) return [];
  const operands: StoreFilter[] = where.map(([field, value]) => match(field, value));
  if (query.field !== undefined && values !== undefined) {
    operands.push({ kind: 'or', operands: values.map((v) => match(query.field as string, v)) });
  }
  const matches = valuesMatcher(query);
  const out: Event[] = [];
  const source = store.query({
    indexes: [query.index],
    filter: operands.length === 0 ? { kind: 'true' } : { kind: 'and', operands },
    fields:
      query.fields === 'all'
        ? 'all'
        : new Set([
            ...query.fields,
            ...where.map(([f]) => f),
            ...(query.field ? [query.field] : []),
          ]),
    raw: false,
    ...(query.earliest === undefined ? {} : { earliest: query.earliest }),
    ...(query.latest === undefined ? {} : { latest: query.latest }),
  });
  for await (const batch of source) {
    for (const event of batch) {
      if (!matches(event)) continue;
      out.push(event);
      if (query.limit !== undefined && out.length >= query.limit) return out;
    }
  }
  return out;
}

function match(field: string, value: string): StoreFilter {
  return { kind: 'match', field, pattern: value.toLowerCase(), caseSensitive: false };
}

function lower(value: unknown): string | undefined {
  return typeof value === 'string'
    ? value.toLowerCase()
    : typeof value === 'number'
      ? String(value)
      : undefined;
}
