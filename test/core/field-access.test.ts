// Own-property field reads and writes: names Object.prototype has are fields like any other.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../src/core/event.ts';
import {
  fieldReader,
  fieldWriter,
  hasField,
  isPrototypeName,
  readField,
  writeField,
} from '../../src/core/field-access.ts';
import { ownEntry } from '../../src/core/own-entry.ts';

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('reads', () => {
  test('every Object.prototype name reads as null on an event without it', () => {
    assert.ok(PROTO_NAMES.includes('__proto__') && PROTO_NAMES.includes('__defineGetter__'));
    const event: Event = { host: 'a' };
    for (const name of PROTO_NAMES) {
      assert.ok(isPrototypeName(name), name);
      assert.equal(readField(event, name), undefined, name);
      assert.equal(fieldReader(name)(event), undefined, name);
      assert.equal(hasField(event, name), false, name);
    }
  });

  test('and as the field on an event that has it, scalar or multivalue', () => {
    for (const name of PROTO_NAMES) {
      for (const value of ['v', 7, ['x', 'y']] as const) {
        const event = JSON.parse(JSON.stringify({ [name]: value })) as Event;
        assert.deepEqual(readField(event, name), value, name);
        assert.deepEqual(fieldReader(name)(event), value, name);
        assert.equal(hasField(event, name), true, name);
      }
    }
  });

  test('ordinary names read as plain properties, null-prototype rows too', () => {
    assert.equal(isPrototypeName('host'), false);
    const bare = Object.create(null) as Event;
    bare['host'] = 'h';
    for (const event of [{ host: 'h' }, bare]) {
      assert.equal(readField(event, 'host'), 'h');
      assert.equal(fieldReader('host')(event), 'h');
      assert.equal(readField(event, 'constructor'), undefined);
    }
  });
});

describe('writes', () => {
  test('__proto__ becomes an own field and the prototype stays', () => {
    for (const value of ['s', ['a', 'b'], undefined]) {
      const viaWrite: Event = {};
      writeField(viaWrite, '__proto__', value);
      const viaWriter: Event = {};
      fieldWriter('__proto__')(viaWriter, value);
      for (const event of [viaWrite, viaWriter]) {
        assert.equal(Object.getPrototypeOf(event), Object.prototype);
        assert.ok(Object.hasOwn(event, '__proto__'));
        assert.deepEqual(readField(event, '__proto__'), value);
        assert.deepEqual(Object.keys(event), ['__proto__']);
      }
    }
  });

  test('other names are plain assignments; writing twice replaces', () => {
    const event: Event = {};
    writeField(event, 'constructor', 'c');
    fieldWriter('toString')(event, ['t', 'u']);
    writeField(event, '__proto__', 'first');
    writeField(event, '__proto__', 'second');
    assert.deepEqual(Object.entries(event), [
      ['constructor', 'c'],
      ['toString', ['t', 'u']],
      ['__proto__', 'second'],
    ]);
  });
});

describe('ownEntry', () => {
  const TABLE: Readonly<Record<string, number>> = { a: 1 };
  test('finds own entries only', () => {
    assert.equal(ownEntry(TABLE, 'a'), 1);
    for (const name of PROTO_NAMES) assert.equal(ownEntry(TABLE, name), undefined, name);
  });
});
