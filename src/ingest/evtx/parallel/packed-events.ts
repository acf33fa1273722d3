// A chunk of ready events flattened for the trip from a worker: field names once per chunk, the
// event layout in one Uint32Array, numbers in a Float64Array and every string value in one
// UTF-16 buffer, all transferred; the main thread only rebuilds the objects.
import type { Event } from '../../../core/event.ts';
import type { FieldValue, MaybeValue, Scalar } from '../../../core/value.ts';
import { setField } from '../../model/set-field.ts';
import type { EventChunk, EvtxProblem, RecordRef } from '../decoded.ts';

export interface PackedEvents {
  readonly index: number;
  readonly problems: readonly EvtxProblem[];
  readonly untimed: readonly RecordRef[];
  /** The distinct field names of the chunk's events. */
  readonly names: readonly string[];
  /**
   * Per event its field count, then per field its name's index and its value's kind (VALUE_*);
   * a list is followed by its item count and each item's kind.
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
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  readonly layout: number[] = [];
  readonly numbers: number[] = [];
  readonly strings: string[] = [];
  readonly ends: number[] = [];
  private length = 0;

  event(event: Event): void {
    const keys = Object.keys(event);
    this.layout.push(keys.length);
    for (const key of keys) {
      let index = this.nameIndex.get(key);
      if (index === undefined) {
        index = this.names.length;
        this.names.push(key);
        this.nameIndex.set(key, index);
      }
      this.layout.push(index);
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

export function packEvents(chunk: EventChunk): PackedEvents {
  const packer = new Packer();
  for (const event of chunk.records) packer.event(event);
  return {
    index: chunk.index,
    problems: chunk.problems,
    untimed: chunk.untimed,
    names: packer.names,
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

export function unpackEvents(packed: PackedEvents): EventChunk {
  const { layout, numbers, ends, names } = packed;
  const bytes = packed.text;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  let at = 0;
  let number = 0;
  let string = 0;
  const scalar = (): MaybeValue => {
    const kind = layout[at++];
    if (kind === VALUE_NUMBER) return numbers[number++];
    if (kind !== VALUE_STRING) return undefined;
    const start = string === 0 ? 0 : (ends[string - 1] as number);
    return text.slice(start, ends[string++]);
  };
  const events: Event[] = [];
  while (at < layout.length) {
    const event: Event = {};
    const fields = layout[at++] as number;
    for (let f = 0; f < fields; f++) {
      const name = names[layout[at++] as number] as string;
      if (layout[at] === VALUE_LIST) {
        const count = layout[at + 1] as number;
        at += 2;
        const items: Scalar[] = new Array(count);
        for (let k = 0; k < count; k++) items[k] = scalar() as Scalar;
        setField(event, name, items);
      } else {
        // An undefined value is kept as the event had it (setField stores whatever it is given).
        setField(event, name, scalar() as FieldValue);
      }
    }
    events.push(event);
  }
  return {
    index: packed.index,
    records: events,
    problems: packed.problems,
    untimed: packed.untimed,
  };
}
