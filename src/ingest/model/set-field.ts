// Writing fields whose names come from the input (attacker-controlled) into an event.
import type { Event } from '../../core/event.ts';
import { writeField } from '../../core/field-access.ts';
import type { FieldValue, Scalar } from '../../core/value.ts';

/**
 * Sets a field; a field named `__proto__` (legal in XML and JSON) becomes an own property
 * (core/field-access.ts).
 */
export function setField(event: Event, name: string, value: FieldValue): void {
  writeField(event, name, value);
}

/**
 * Adds a value: the first makes a scalar, the next ones make the field multivalue. The list is
 * grown in place (readers own the events they build), which keeps a record with many values of one
 * name linear rather than quadratic.
 */
export function addFieldValue(event: Event, name: string, value: Scalar): void {
  const existing = event[name];
  // An inherited member (`toString`, `constructor`) is not a field of this event.
  if (existing === undefined || !Object.hasOwn(event, name)) {
    setField(event, name, value);
  } else if (Array.isArray(existing)) {
    (existing as Scalar[]).push(value);
  } else {
    setField(event, name, [existing as Scalar, value]);
  }
}
