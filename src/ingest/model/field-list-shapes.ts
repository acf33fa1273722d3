// Events built from a field list (names in order, one value each) by one generated constructor per list.
import type { Event, FieldValue } from '../../core/index.ts';
import { generateFunction } from '../evtx/generated-function.ts';

/**
 * Builds the event of one field list from its values, in the list's order (an undefined value
 * leaves its field undefined). The values of a name the list gives more than once are scalars.
 */
export type FieldListConstructor = (values: readonly (FieldValue | undefined)[]) => Event;

/** Beyond this many fields V8 no longer gives the objects of one shape one hidden class. */
const MAX_FIELDS = 120;
/**
 * Trie nodes and constructors kept whatever the input (names come from it: random names would
 * make a constructor per record); past either bound the trie starts over.
 */
const MAX_NODES = 65_536;
const MAX_CONSTRUCTORS = 2048;

interface Node {
  next: Map<string, Node> | undefined;
  /** undefined: not compiled yet; null: no constructor can build the list (see `constructorOf`). */
  create: FieldListConstructor | null | undefined;
}

/**
 * Readers that name fields as they read them (Windows XML: a Data item's name is its `Name`
 * attribute) would add each by a computed name, and V8 turns an object that gets more than a
 * dozen fields that way into a hash table (about 100 ns a field, slower to read downstream, more
 * garbage). Events of one field list are instead built by one generated constructor that assigns
 * its fields in order, found by walking a trie of the names (no key string per event). A name given again adds a value, making
 * the field multivalue where it first appeared, exactly as `addFieldValue` does one at a time.
 * Names enter the generated code only as JSON string literals.
 */
export class FieldListShapes {
  private root: Node = { next: undefined, create: undefined };
  private nodes = 0;
  private constructors = 0;

  /**
   * The constructor for events with fields `names`, or null where none can build them (a
   * `__proto__` field would set the prototype; too many fields; code generation disabled):
   * the caller then adds the fields one by one.
   */
  constructorOf(names: readonly string[]): FieldListConstructor | null {
    if (names.length > MAX_FIELDS) return null;
    let node = this.root;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      node.next ??= new Map();
      let child = node.next.get(name);
      if (child === undefined) {
        if (++this.nodes > MAX_NODES) {
          this.startOver();
          return compile(names);
        }
        child = { next: undefined, create: undefined };
        // A copy of the name: readers' names are slices of their input, which a key would pin.
        node.next.set(` ${name}`.slice(1), child);
      }
      node = child;
    }
    if (node.create === undefined) {
      if (++this.constructors > MAX_CONSTRUCTORS) {
        this.startOver();
        return compile(names);
      }
      node.create = compile(names);
    }
    return node.create;
  }

  private startOver(): void {
    this.root = { next: undefined, create: undefined };
    this.nodes = 0;
    this.constructors = 0;
  }
}

function compile(names: readonly string[]): FieldListConstructor | null {
  const positions = new Map<string, number[]>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (name === '__proto__') return null;
    const list = positions.get(name);
    if (list === undefined) positions.set(name, [i]);
    else list.push(i);
  }
  const members = [...positions].map(([name, at]) => {
    const value =
      at.length === 1 ? `values[${at[0]}]` : `[${at.map((i) => `values[${i}]`).join(', ')}]`;
    return `this[${JSON.stringify(name)}] = ${value};`;
  });
  const Shape = generateFunction(['values'], members.join('\n')) as
    | (new (
        values: readonly (FieldValue | undefined)[],
      ) => Event)
    | undefined;
  if (Shape === undefined) return null;
  // Plain objects (Object.prototype), built by `new`: V8 allocates an object literal's events
  // in the old generation once it sees most of them survive a young collection (batches are
  // held while consumers work on them), which kept them until a full collection.
  (Shape as unknown as { prototype: object }).prototype = Object.prototype;
  return (values) => new Shape(values);
}
