// Constructors of events with a given field list, from their values in field order, as one
// object literal (see render/event-shape.ts for why).
import type { Event, FieldValue } from '../../../core/index.ts';
import { generateFunction } from '../generated-function.ts';

export type LiteralConstructor = (values: readonly (FieldValue | undefined)[]) => Event;

/** Beyond this many fields V8 no longer gives literals of one shape one hidden class. */
const MAX_LITERAL_FIELDS = 120;

/** Shared by the chunks of every read; bounded whatever the input, past it it starts over. */
const constructors = new Map<string, LiteralConstructor>();
const MAX_CONSTRUCTORS = 2048;

/**
 * The constructor for events whose fields are `names` (distinct, in order), or null where an
 * object literal cannot build them: a `__proto__` field (a literal would set the prototype),
 * too many fields, code generation disabled. Names enter the code only as JSON string literals.
 */
export function literalConstructor(names: readonly string[]): LiteralConstructor | null {
  if (names.length > MAX_LITERAL_FIELDS || names.includes('__proto__')) return null;
  // One native call: the lookup happens for every field list of every chunk.
  const key = JSON.stringify(names);
  let create = constructors.get(key);
  if (create === undefined) {
    const members = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`);
    create = generateFunction(['values'], `return {${members.join(', ')}};`) as
      | LiteralConstructor
      | undefined;
    if (create === undefined) return null;
    if (constructors.size >= MAX_CONSTRUCTORS) constructors.clear();
    constructors.set(key, create);
  }
  return create;
}
