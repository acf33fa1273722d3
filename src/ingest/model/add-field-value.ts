// Adding values to fields whose names come from the input (attacker-controlled).
import { type Event, type Scalar, writeField } from '../../core/index.ts';

/**
 * Adds a value: the first makes a scalar, the next ones make the field multivalue. The list is
 * grown in place (readers own the events they build), which keeps a record with many values of one
 * name linear rather than quadratic.
 */
export function addFieldValue(event: Event, name: string, value: Scalar): void {
  const existing = event[name];
  // An inherited member (`toString`, `constructor`) is not a field of this event.
  if (existing === undefined || !Object.hasOwn(event, name)) {
    writeField(event, name, value);
  } else if (Array.isArray(existing)) {
    (existing as Scalar[]).push(value);
  } else {
    writeField(event, name, [existing as Scalar, value]);
  }
}
