// Which fields a part of a pipeline reads: a finite set, or every field.

/** `'all'` when it cannot be known (a wildcard, results shown as they are). */
export type FieldNeed = ReadonlySet<string> | 'all';

export const ALL_FIELDS: FieldNeed = 'all';

export function unionNeed(...needs: readonly (FieldNeed | Iterable<string>)[]): FieldNeed {
  return unionNeeds(needs);
}

/** As unionNeed, over a list of any length (one per search term of a long search). */
export function unionNeeds(needs: Iterable<FieldNeed | Iterable<string>>): FieldNeed {
  const out = new Set<string>();
  for (const need of needs) {
    if (need === 'all') return 'all';
    for (const field of need) out.add(field);
  }
  return out;
}

/** `need` without `fields` (they are written downstream of here, whatever came in). */
export function withoutFields(need: FieldNeed, fields: Iterable<string>): FieldNeed {
  if (need === 'all') return 'all';
  const out = new Set(need);
  for (const field of fields) out.delete(field);
  return out;
}

export function needsField(need: FieldNeed, field: string): boolean {
  return need === 'all' || need.has(field);
}
