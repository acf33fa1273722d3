// Gives routed events' field values strings of their own, so rows a search keeps do not pin the reader's text.
import { type Event, readField, writeField } from '../../core/index.ts';
import type { FieldNeed } from '../../spl/index.ts';

/**
 * V8 makes a substring of 13 or more characters a view into its parent string, and a view keeps
 * the whole parent alive. Readers cut field values out of 32 Ki-character pieces of decoded
 * input, so each row a blocking command holds (`sort`, `stats values()`, a seed search that
 * returns every VS Code process) pins a piece: tens of kilobytes per row, growing with the input.
 * Concatenating then slicing makes V8 flatten the value into a new string first, so the copy
 * points at that and no longer at the piece. Only the fields the searches read are copied, only
 * for events some detection takes.
 */
export function ownStrings(event: Event, fields: readonly string[] | undefined): void {
  if (fields === undefined) {
    for (const name of Object.keys(event)) own(event, name);
    return;
  }
  for (let i = 0; i < fields.length; i++) own(event, fields[i] as string);
}

function own(event: Event, name: string): void {
  const value = readField(event, name);
  if (typeof value === 'string') {
    if (value.length >= 13) writeField(event, name, ` ${value}`.slice(1));
  } else if (Array.isArray(value)) {
    writeField(
      event,
      name,
      value.map((v) => (typeof v === 'string' && v.length >= 13 ? ` ${v}`.slice(1) : v)),
    );
  }
}

/** The field list `ownStrings` walks: the searches' fields, or undefined for all of them. */
export function ownedFields(need: FieldNeed): readonly string[] | undefined {
  return need === 'all' ? undefined : [...need];
}
