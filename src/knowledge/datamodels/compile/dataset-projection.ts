// An event projected onto a dataset: membership (tags, constraints), then only the calculated fields the search needs.
import {
  type Event,
  fieldReader,
  type MaybeValue,
  readField,
  type Scalar,
  writeField,
} from '../../../core/index.ts';
import {
  type DatasetProjection,
  type FieldNeed,
  ROUTE_ANY,
  ROUTE_NONE,
  unionNeed,
  unionRoutes,
} from '../../../spl/index.ts';
import { TAG_FIELD } from '../model/data-model-spec.ts';
import type { CompiledDataset } from './compile-dataset.ts';
import type { CompiledEventType, EventTypeField } from './compile-event-types.ts';
import { chainOf, type FieldNames } from './dataset-fields.ts';
import { createEventTagger, type EventClass } from './event-tagger.ts';
import { type LevelPlan, planLevels, presentOrNull, runLevels } from './projection-levels.ts';

/** Fields of one dataset below the projected one, and the levels that lead down to it. */
interface Below {
  readonly levels: readonly LevelPlan[];
  readonly outputs: readonly (readonly [string, string])[];
}

/**
 * What Splunk does to build a data model row, in order (Knowledge Manager Manual, "Design data
 * models"): the root's constraint selects events (through their event types' tags), then each
 * level's calculated fields run and the next level's constraint filters. Here only the
 * calculations an output or a later constraint needs are kept (one backward pass), and the
 * event's fields are copied once into a working row that they update. Fields of datasets below
 * the projected one are computed on a copy of the row that goes on down, null when it does not
 * get there.
 *
 * An empty value counts as no value: Splunk's search-time extractions never create empty fields
 * (transforms.conf KEEP_EMPTY_VALS defaults to false), so a data model never sees one.
 */
export function compileProjection(
  dataset: CompiledDataset,
  names: FieldNames,
  wanted: ReadonlySet<string> | 'all',
  allEventTypes: readonly CompiledEventType[],
): DatasetProjection {
  const chain = chainOf(dataset);
  const root = chain[0] as CompiledDataset;
  const selected = [...names].filter(([name]) => wanted === 'all' || wanted.has(name));
  const inChain = (owner: CompiledDataset | undefined) =>
    owner === undefined || chain.includes(owner);
  const outputs = selected
    .filter(([, origin]) => inChain(origin.owner))
    .map(([name, origin]) => [name, origin.field] as const);
  const wantsTag = selected.some(([, origin]) => origin.field === TAG_FIELD);

  const needed = new Set(outputs.map(([, field]) => field));
  const belowGroups = new Map<CompiledDataset, (readonly [string, string])[]>();
  for (const [name, origin] of selected) {
    if (inChain(origin.owner)) continue;
    const owner = origin.owner as CompiledDataset;
    belowGroups.set(owner, [...(belowGroups.get(owner) ?? []), [name, origin.field]]);
  }
  const below: Below[] = [...belowGroups].map(([owner, group]) => {
    const own = new Set(group.map(([, field]) => field));
    const levels = planLevels(chainOf(owner).slice(chain.length), own, false);
    for (const field of own) needed.add(field);
    return { levels, outputs: group };
  });
  const levels = planLevels(chain, needed, true);
  const needsTag = wantsTag || needed.has(TAG_FIELD);
  needed.delete(TAG_FIELD);
  const copied = [...needed];
  const copiedReads = copied.map((field) => ({ field, read: fieldReader(field) }));

  // Event types matter when a constraint names their tags (or `tag` itself is read).
  const reach = [...new Set([...chain, ...[...belowGroups.keys()].flatMap(chainOf)])];
  const constraints = reach.flatMap((level) => (level.constraint ? [level.constraint] : []));
  const openTags = needsTag && constraints.some((c) => c.namedTags === undefined);
  const named = new Set(constraints.flatMap((c) => [...(c.namedTags ?? [])]));
  const relevant = allEventTypes.filter(
    (type) => wantsTag || openTags || [...type.tags].some((tag) => named.has(tag)),
  );
  const required = new Set(chain.flatMap((level) => [...(level.constraint?.requiredTags ?? [])]));
  const tagger = relevant.length > 0 ? createEventTagger(relevant) : undefined;
  const overrides = new Map<CompiledEventType, readonly EventTypeField[]>(
    relevant.map((type) => [type, type.fields.filter((f) => needed.has(f.field))]),
  );

  const rootRequired = root.constraint?.requiredTags ?? new Set<string>();
  const route =
    rootRequired.size === 0
      ? (root.constraint?.route ?? ROUTE_ANY)
      : relevant
          .filter((type) => [...rootRequired].every((tag) => type.tags.has(tag)))
          .reduce((r, type) => unionRoutes(r, type.route), ROUTE_NONE);
  const reads: FieldNeed = unionNeed(
    copied,
    wantsTag ? [TAG_FIELD] : [],
    ...relevant.map((type) => type.reads),
    ...[...overrides.values()].flatMap((fields) => fields.map((f) => f.reads)),
  );

  // Classes are few and shared (the tagger remembers them): whether one has the required tags,
  // and the field overrides of its event types, are worked out once per class.
  const classes = new WeakMap<EventClass, ClassPlan>();
  const planOf = (klass: EventClass): ClassPlan => {
    let plan = classes.get(klass);
    if (plan === undefined) {
      plan = {
        admitted: [...required].every((tag) => klass.tags.has(tag)),
        overrides: klass.types.flatMap((type) => overrides.get(type) ?? []),
      };
      classes.set(klass, plan);
    }
    return plan;
  };
  const noClass: EventClass = { tags: new Set(), types: [] };
  return {
    reads,
    route,
    project(event) {
      const klass = tagger === undefined ? noClass : tagger(event);
      const plan = planOf(klass);
      if (!plan.admitted) return undefined;
      const row: Event = {};
      for (const { field, read } of copiedReads) {
        const value = read(event);
        if (value !== undefined && value !== '') writeField(row, field, value);
      }
      for (const { field, compute } of plan.overrides)
        writeField(row, field, presentOrNull(compute(event)));
      if (needsTag) row[TAG_FIELD] = tagsOf(event[TAG_FIELD], klass.tags);
      if (!runLevels(levels, row, klass.tags)) return undefined;
      const out: Event = {};
      for (const [name, field] of outputs) {
        const value = readField(row, field);
        if (value !== undefined) writeField(out, name, value);
      }
      for (const group of below) {
        const deeper = { ...row };
        if (!runLevels(group.levels, deeper, klass.tags)) continue;
        for (const [name, field] of group.outputs) {
          const value = readField(deeper, field);
          if (value !== undefined) writeField(out, name, value);
        }
      }
      return out;
    },
  };
}

interface ClassPlan {
  readonly admitted: boolean;
  readonly overrides: readonly EventTypeField[];
}

/** The event's own tags (a Splunk export carries them) followed by its event types' tags. */
function tagsOf(own: MaybeValue, fromTypes: ReadonlySet<string>): MaybeValue {
  const tags = new Set<Scalar>(own === undefined ? [] : Array.isArray(own) ? own : [own as Scalar]);
  for (const tag of fromTypes) tags.add(tag);
  if (tags.size === 0) return undefined;
  const list = [...tags];
  return list.length === 1 ? list[0] : list;
}
