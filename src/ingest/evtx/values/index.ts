// The value type registry: type code → formatter, plus scalar text and array item splitting.
import { invalid } from '../decode-error.ts';
import { binary } from './binary.ts';
import { real32, real64 } from './floats.ts';
import { guid, sid, sidSize } from './identifiers.ts';
import {
  bool,
  evtHandle,
  hexInt32,
  hexInt64,
  int8,
  int16,
  int32,
  int64,
  sizeT,
  uint8,
  uint16,
  uint32,
  uint64,
} from './integers.ts';
import { ansiString, ansiText, evtXml, nullValue, string, utf16Text } from './strings.ts';
import { fileTime, sysTime } from './time.ts';
import type { ValueFormat } from './value-format.ts';
import { VALUE_TYPE } from './value-types.ts';

const FORMATS: readonly (readonly [number, ValueFormat])[] = [
  [VALUE_TYPE.null, nullValue],
  [VALUE_TYPE.string, string],
  [VALUE_TYPE.ansiString, ansiString],
  [VALUE_TYPE.int8, int8],
  [VALUE_TYPE.uint8, uint8],
  [VALUE_TYPE.int16, int16],
  [VALUE_TYPE.uint16, uint16],
  [VALUE_TYPE.int32, int32],
  [VALUE_TYPE.uint32, uint32],
  [VALUE_TYPE.int64, int64],
  [VALUE_TYPE.uint64, uint64],
  [VALUE_TYPE.real32, real32],
  [VALUE_TYPE.real64, real64],
  [VALUE_TYPE.bool, bool],
  [VALUE_TYPE.binary, binary],
  [VALUE_TYPE.guid, guid],
  [VALUE_TYPE.sizeT, sizeT],
  [VALUE_TYPE.fileTime, fileTime],
  [VALUE_TYPE.sysTime, sysTime],
  [VALUE_TYPE.sid, sid],
  [VALUE_TYPE.hexInt32, hexInt32],
  [VALUE_TYPE.hexInt64, hexInt64],
  [VALUE_TYPE.evtHandle, evtHandle],
  [VALUE_TYPE.evtXml, evtXml],
];

/** Indexed by the type code without the array flag; BinXml (0x21) is structure, not text. */
const BY_CODE: readonly (ValueFormat | undefined)[] = (() => {
  const table: (ValueFormat | undefined)[] = new Array(0x80).fill(undefined);
  for (const [code, format] of FORMATS) table[code] = format;
  return table;
})();

/** Types whose stored size must equal the item size (sizes of size_t vary by writer). */
function fixedSize(type: number, format: ValueFormat): number {
  return type === VALUE_TYPE.sizeT || type === VALUE_TYPE.bool ? 0 : format.itemSize;
}

/** Per type code: the size a scalar value of it must have; 0 for any, -1 for no such type. */
const SCALAR_SIZES: Int8Array = Int8Array.from({ length: 0x100 }, (_, type) => {
  const format = type < 0x80 ? BY_CODE[type] : undefined;
  return format === undefined ? -1 : fixedSize(type, format);
});

/**
 * Throws what `scalarText` would throw for this type and size (unknown type, wrong fixed size),
 * without rendering the value: a table read for the valid values every record has.
 */
export function checkScalar(type: number, start: number, end: number): void {
  const size = SCALAR_SIZES[type] as number;
  if (size !== 0 && end - start !== size) badScalar(type, start, end);
}

/** The text of a non-array value stored in `bytes[start, end)`. */
export function scalarText(
  bytes: Uint8Array,
  view: DataView,
  type: number,
  start: number,
  end: number,
): string {
  const format = BY_CODE[type];
  const size = SCALAR_SIZES[type] as number;
  if (format === undefined || (size !== 0 && end - start !== size)) {
    return badScalar(type, start, end);
  }
  return format.text(bytes, view, start, end);
}

/** The decode error of a scalar value of an unknown type, or of the wrong size for its type. */
function badScalar(type: number, start: number, end: number): never {
  const format = BY_CODE[type];
  if (format === undefined) {
    return invalid('substitution value type', start, `unknown value type 0x${type.toString(16)}`);
  }
  return invalid(
    'substitution value',
    start,
    `${format.name} needs ${fixedSize(type, format)} bytes, has ${end - start}`,
  );
}

/** The texts of the items of an array value (type with the 0x80 flag) in `bytes[start, end)`. */
export function arrayItems(
  bytes: Uint8Array,
  view: DataView,
  type: number,
  start: number,
  end: number,
): string[] {
  const base = type & 0x7f;
  const format = BY_CODE[base];
  if (format === undefined) {
    return invalid('substitution value type', start, `unknown array type 0x${type.toString(16)}`);
  }
  if (base === VALUE_TYPE.string) return splitTerminated(bytes, start, end, 2, utf16Text);
  if (base === VALUE_TYPE.ansiString) return splitTerminated(bytes, start, end, 1, ansiText);
  const items: string[] = [];
  if (base === VALUE_TYPE.sid) {
    for (let at = start; at < end; ) {
      const next = at + 8 <= end ? at + sidSize(bytes, at) : end;
      if (next > end) invalid('SID array item', at, 'runs past the end of the value');
      items.push(format.text(bytes, view, at, next));
      at = next;
    }
    return items;
  }
  let size = format.itemSize;
  if (base === VALUE_TYPE.sizeT) size = (end - start) % 8 === 0 ? 8 : 4;
  if (size === 0) return end > start ? [format.text(bytes, view, start, end)] : [];
  if ((end - start) % size !== 0) {
    invalid(
      'substitution value',
      start,
      `${end - start} bytes is not a whole ${format.name} array`,
    );
  }
  for (let at = start; at < end; at += size) items.push(format.text(bytes, view, at, at + size));
  return items;
}

/** Items separated by a NUL terminator of `unit` bytes; a last unterminated item still counts. */
function splitTerminated(
  bytes: Uint8Array,
  start: number,
  end: number,
  unit: number,
  decode: (b: Uint8Array, s: number, e: number) => string,
): string[] {
  const items: string[] = [];
  let itemStart = start;
  for (let at = start; at + unit <= end; at += unit) {
    if (bytes[at] === 0 && (unit === 1 || bytes[at + 1] === 0)) {
      items.push(decode(bytes, itemStart, at));
      itemStart = at + unit;
    }
  }
  if (itemStart + unit <= end) items.push(decode(bytes, itemStart, end));
  return items;
}
