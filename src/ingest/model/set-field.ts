// Writing fields whose names come from the input (attacker-controlled) into an event.
import type { Event } from '../../core/event.ts';
import type { FieldValue, Scalar } from '../../core/value.ts';

/**
 * Sets a field. A field named `__proto__` (legal in XML and JSON) is defined as an own property:
 * plain assignment would change the event's prototype instead of adding the field.
 */
export function setField(event: Event, name: string, value: FieldValue): void {
  if (name === '__proto__') {
    Object.defineProperty(event, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    event[name] = value;
  }
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
