import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FieldListShapes } from '../../../src/ingest/model/field-list-shapes.ts';

test('a field list builds plain events, repeated names as multivalue fields where they first appear', () => {
  const shapes = new FieldListShapes();
  const names = ['b', 'a', 'b', 'c d', 'b'];
  const create = shapes.constructorOf(names);
  assert.ok(create !== null);
  const event = create(['1', 2, '3', '4', '5']);
  assert.deepEqual(Object.entries(event), [
    ['b', ['1', '3', '5']],
    ['a', 2],
    ['c d', '4'],
  ]);
  assert.equal(Object.getPrototypeOf(event), Object.prototype);
  // The same list is one constructor; two events never share a multivalue list.
  assert.equal(shapes.constructorOf([...names]), create);
  assert.notEqual(create(['1', 2, '3', '4', '5'])['b'], event['b']);
});

test('lists a literal cannot build are refused, names are only ever data', () => {
  const shapes = new FieldListShapes();
  assert.equal(shapes.constructorOf(['a', '__proto__']), null);
  assert.equal(shapes.constructorOf(Array.from({ length: 121 }, (_, i) => `f${i}`)), null);
  const hostile = ['"]=1;throw 1;//', 'constructor', 'toString', '\u2028'];
  const event = shapes.constructorOf(hostile)?.(['a', 'b', 'c', 'd']);
  assert.deepEqual(event && Object.entries(event), [
    ['"]=1;throw 1;//', 'a'],
    ['constructor', 'b'],
    ['toString', 'c'],
    ['\u2028', 'd'],
  ]);
});

test('random names (one list per record) start the trie over instead of growing it', () => {
  const shapes = new FieldListShapes();
  const first = shapes.constructorOf(['kept']);
  for (let i = 0; i < 2100; i++) {
    const event = shapes.constructorOf([`name${i}`, 'x'])?.([String(i), 'y']);
    assert.deepEqual(event, { [`name${i}`]: String(i), x: 'y' });
  }
  // Past 2,048 constructors the trie started over: the first list gets a new constructor.
  assert.notEqual(shapes.constructorOf(['kept']), first);
});
