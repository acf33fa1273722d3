// ownedCopy: the same fields in the same order, absent ones dropped, `__proto__` a field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../../src/core/index.ts';
import { ownedCopy } from '../../../src/engine/pump/own-strings.ts';

test('a copy has the same fields in the same order, values equal, absent ones dropped', () => {
  const long = 'x'.repeat(40);
  const event = {
    Image: `C:\\Windows\\${long}`,
    short: 'abc',
    n: 4,
    list: ['a', long, 3],
    gone: undefined,
    '10': 'ten',
  } as unknown as Event;
  Object.defineProperty(event, '__proto__', {
    value: ['p', long],
    enumerable: true,
    writable: true,
    configurable: true,
  });
  const copy = ownedCopy(event);
  assert.deepEqual(Object.keys(copy), ['10', 'Image', 'short', 'n', 'list', '__proto__']);
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.ok(Object.hasOwn(copy, '__proto__'));
  assert.deepEqual(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value, ['p', long]);
  assert.equal(copy['Image'], event['Image']);
  assert.deepEqual(copy['list'], ['a', long, 3]);
  assert.notEqual(copy['list'], event['list']);
  assert.equal(JSON.stringify(copy), JSON.stringify(event));
  assert.equal(Object.hasOwn(copy, 'gone'), false);
});
