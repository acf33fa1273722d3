// Rules naming fields that are Object.prototype members (constructor, toString, __proto__, ...):
// such a field is absent from an event that lacks it (null, not exists, no match, no crash), and
// present with its value where the event has it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { withSigmaFieldNames } from '../../../src/sigma/matcher/sigma-field-names.ts';
import { matcherFor, processRule, sysmonProcess } from '../sigma-test-kit.ts';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

function own(fields: Record<string, string | string[]>): Event {
  const event = sysmonProcess({});
  for (const [name, value] of Object.entries(fields)) {
    Object.defineProperty(event, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return event;
}

for (const name of NAMES) {
  test(`a rule on "${name}": absent unless the event has it`, () => {
    const rule = (body: string) =>
      matcherFor(processRule(`    selection:\n        ${body}\n    condition: selection\n`));
    const plain = sysmonProcess({ Image: 'C:\\x.exe' });
    const contains = rule(`${name}|contains: 'a'`);
    const equals = rule(`${name}: '1'`);
    const isNull = rule(`${name}: null`);
    const exists = rule(`${name}|exists: true`);
    const fieldref = rule(`Image|fieldref: ${name}`);
    assert.equal(contains.matches(plain), false);
    assert.equal(equals.matches(plain), false);
    assert.equal(isNull.matches(plain), true);
    assert.equal(exists.matches(plain), false);
    assert.equal(fieldref.matches(plain), false);

    const having = own({ [name]: 'bad', Image: 'bad' });
    assert.equal(contains.matches(having), true);
    assert.equal(isNull.matches(having), false);
    assert.equal(exists.matches(having), true);
    assert.equal(fieldref.matches(having), true);
    assert.equal(equals.matches(own({ [name]: ['0', '1'] })), true);
  });
}

test('a spaced field name that reads as a prototype member becomes a field of the view', () => {
  const event = sysmonProcess({});
  event['con structor'] = 'x';
  event['__ proto__'] = 'y';
  const view = withSigmaFieldNames(event);
  assert.ok(Object.hasOwn(view, 'constructor'));
  assert.equal(view['constructor'], 'x');
  assert.ok(Object.hasOwn(view, '__proto__'));
  assert.equal(Object.getOwnPropertyDescriptor(view, '__proto__')?.value, 'y');
  assert.equal(Object.getPrototypeOf(view), event);
});
