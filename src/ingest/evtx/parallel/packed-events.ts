// A chunk of ready events flattened for the trip from a worker: each distinct field list once per
// chunk, the values' kinds in one Uint32Array, numbers in a Float64Array and every string value
// in one UTF-16 buffer, all transferred; the main thread only rebuilds the objects, one object
// literal per field list.
import {
  type Event,
  type FieldValue,
  type MaybeValue,
  type Scalar,
  writeField,
} from '../../../core/index.ts';
import { type FieldListConstructor, FieldListShapes } from '../../model/field-list-shapes.ts';
import type { EventChunk, EvtxProblem, RecordRef } from '../decoded.ts';

export interface PackedEvents {
  readonly index: number;
  readonly problems: readonly EvtxProblem[];
  readonly untimed: readonly RecordRef[];
  /** The distinct field lists (names in event order) of the chunk's events. */
  readonly shapes: readonly (readonly string[])[];
  /**
   * Per event its shape's index, then per field its value's kind (VALUE_*); a list is followed
   * by its item count and each item's kind.
   */
  readonly layout: Uint32Array;
  readonly numbers: Float64Array;
  /** The string values, back to back, as UTF-16LE; `ends` holds where each one ends. */
  readonly text: Uint8Array;
  readonly ends: Uint32Array;
}

const VALUE_STRING = 0;
const VALUE_NUMBER = 1;
const VALUE_UNDEFINED = 2;
const VALUE_LIST = 3;

class Packer {
  readonly shapes: string[][] = [];
  /** Shape index by the code units of the field names' indices (a collision-free key). */
  private readonly shapeIndex = new Map<string, number>();
  private readonly nameIndex = new Map<string, number>();
  private readonly ids: number[] = [];
  readonly layout: number[] = [];
  readonly numbers: number[] = [];
  readonly strings: string[] = [];
  readonly ends: number[] = [];
  private length = 0;

  event(event: Event): void {
    const keys = Object.keys(event);
    const ids = this.ids;
    ids.length = keys.length;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      let id = this.nameIndex.get(key);
      if (id === undefined) {
        id = this.nameIndex.size;
        this.nameIndex.set(key, id);
      }
      ids[i] = id;
    }
    const signature = signatureOf(ids);
    let shape = this.shapeIndex.get(signature);
    if (shape === undefined) {
      shape = this.shapes.length;
      this.shapes.push(keys);
      this.shapeIndex.set(signature, shape);
    }
    this.layout.push(shape);
    for (const key of keys) {
      const value = event[key];
      if (Array.isArray(value)) {
        this.layout.push(VALUE_LIST, value.length);
        for (const item of value) this.scalar(item);
      } else {
        this.scalar(value as MaybeValue);
      }
    }
  }

  private scalar(value: MaybeValue): void {
    if (typeof value === 'string') {
      this.layout.push(VALUE_STRING);
      this.strings.push(value);
      this.length += value.length;
      this.ends.push(this.length);
    } else if (typeof value === 'number') {
      this.layout.push(VALUE_NUMBER);
      this.numbers.push(value);
    } else {
      this.layout.push(VALUE_UNDEFINED);
    }
  }

  textBytes(): Uint8Array {
    // Its own ArrayBuffer (not Node's shared pool), since it is transferred.
    const text = Buffer.allocUnsafeSlow(this.length * 2);
    text.write(this.strings.join(''), 0, 'utf16le');
    return text;
  }
}

/** Code units per String.fromCharCode call (arguments are bounded by the stack). */
const SIGNATURE_RUN = 1024;

/**
 * A key that tells field lists apart: one code unit per name index (a chunk's names number far
 * below 2^16: each takes bytes of the 64 KiB chunk), the indices in decimal should one not fit.
 */
function signatureOf(ids: readonly number[]): string {
  if (ids.length <= SIGNATURE_RUN) {
    const key = String.fromCharCode(...ids);
    return ids.every((id) => id < 0xffff) ? key : ids.join(',');
  }
  let key = '';
  for (let i = 0; i < ids.length; i += SIGNATURE_RUN) {
    key += String.fromCharCode(...ids.slice(i, i + SIGNATURE_RUN));
  }
  return ids.every((id) => id < 0xffff) ? key : ids.join(',');
}

export function packEvents(chunk: EventChunk): PackedEvents {
  const packer = new Packer();
  for (const event of chunk.records) packer.event(event);
  return {
    index: chunk.index,
    problems: chunk.problems,
    untimed: chunk.untimed,
    shapes: packer.shapes,
    layout: Uint32Array.from(packer.layout),
    numbers: Float64Array.from(packer.numbers),
    text: packer.textBytes(),
    ends: Uint32Array.from(packer.ends),
  };
}

/** The buffers `postMessage` should transfer. */
export function transferableEvents(packed: PackedEvents): ArrayBuffer[] {
  return [
    packed.layout.buffer,
    packed.numbers.buffer,
    packed.text.buffer,
    packed.ends.buffer,
  ] as ArrayBuffer[];
}

/** Reads the values of packed events in order. */
class ValueCursor {
  at = 0;
  private number = 0;
  private string = 0;
  private readonly packed: PackedEvents;
  private readonly text: string;

  constructor(packed: PackedEvents) {
    this.packed = packed;
    const bytes = packed.text;
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  }

  value(): FieldValue | undefined {
    const layout = this.packed.layout;
    if (layout[this.at] !== VALUE_LIST) return this.scalar();
    const count = layout[this.at + 1] as number;
    this.at += 2;
    const items: Scalar[] = new Array(count);
    for (let k = 0; k < count; k++) items[k] = this.scalar() as Scalar;
    return items;
  }

  private scalar(): MaybeValue {
    const { layout, numbers, ends } = this.packed;
    const kind = layout[this.at++];
    if (kind === VALUE_NUMBER) return numbers[this.number++];
    if (kind !== VALUE_STRING) return undefined;
    const start = this.string === 0 ? 0 : (ends[this.string - 1] as number);
    return this.text.slice(start, ends[this.string++]);
  }
}

/** Shared by the chunks of every read (bounded whatever the input). */
const shapes = new FieldListShapes();

export function unpackEvents(packed: PackedEvents): EventChunk {
  const layout = packed.layout;
  const cursor = new ValueCursor(packed);
  const constructors = packed.shapes.map((names) => shapes.constructorOf(names));
  const values: (FieldValue | undefined)[] = [];
  const events: Event[] = [];
  while (cursor.at < layout.length) {
    const shape = layout[cursor.at++] as number;
    const names = packed.shapes[shape] as readonly string[];
    values.length = names.length;
    for (let f = 0; f < names.length; f++) values[f] = cursor.value();
    const create = constructors[shape] as FieldListConstructor | null;
    events.push(create === null ? byFields(names, values) : create(values));
  }
  return {
    index: packed.index,
    records: events,
    problems: packed.problems,
    untimed: packed.untimed,
  };
}

/** The event field by field, for field lists without a constructor (`__proto__`, very long). */
function byFields(names: readonly string[], values: readonly (FieldValue | undefined)[]): Event {
  const event: Event = {};
  // An undefined value is kept as the event had it (writeField stores whatever it is given).
  for (let f = 0; f < names.length; f++) {
    writeField(event, names[f] as string, values[f] as FieldValue);
  }
  return event;
}
