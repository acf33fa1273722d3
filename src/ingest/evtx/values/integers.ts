// Integer-like value types: signed/unsigned 8-64 bit, HexInt32/64, size_t, bool, EvtHandle.
import { hex32Text, hex64Text, int64Text, uint64Text } from './digits.ts';
import type { ValueFormat } from './value-format.ts';

export const int8: ValueFormat = {
  name: 'Int8',
  itemSize: 1,
  text: (_b, v, s) => String(v.getInt8(s)),
};
export const uint8: ValueFormat = {
  name: 'UInt8',
  itemSize: 1,
  text: (b, _v, s) => String(b[s]),
};
export const int16: ValueFormat = {
  name: 'Int16',
  itemSize: 2,
  text: (_b, v, s) => String(v.getInt16(s, true)),
};
export const uint16: ValueFormat = {
  name: 'UInt16',
  itemSize: 2,
  text: (_b, v, s) => String(v.getUint16(s, true)),
};
export const int32: ValueFormat = {
  name: 'Int32',
  itemSize: 4,
  text: (_b, v, s) => String(v.getInt32(s, true)),
};
export const uint32: ValueFormat = {
  name: 'UInt32',
  itemSize: 4,
  text: (_b, v, s) => String(v.getUint32(s, true)),
};
export const int64: ValueFormat = {
  name: 'Int64',
  itemSize: 8,
  text: (_b, v, s) => int64Text(v.getUint32(s, true), v.getUint32(s + 4, true)),
};
export const uint64: ValueFormat = {
  name: 'UInt64',
  itemSize: 8,
  text: (_b, v, s) => uint64Text(v.getUint32(s, true), v.getUint32(s + 4, true)),
};
export const hexInt32: ValueFormat = {
  name: 'HexInt32',
  itemSize: 4,
  text: (_b, v, s) => `0x${hex32Text(v.getUint32(s, true))}`,
};
export const hexInt64: ValueFormat = {
  name: 'HexInt64',
  itemSize: 8,
  text: (_b, v, s) => hex64Text(v.getUint32(s, true), v.getUint32(s + 4, true)),
};

/**
 * size_t is as wide as the writer's pointers; it renders as hex of its stored width, as the
 * spec pairs it with HexInt32/HexInt64. Arrays of it cannot say their width, so 8 is assumed
 * when the byte count allows it.
 */
export const sizeT: ValueFormat = {
  name: 'SizeT',
  itemSize: 8,
  text: (b, _v, s, e) => littleEndianHex(b, s, e),
};

/** MS-EVEN6 says 0 or 1 in 32 bits; any non-zero value is true, as Windows renders it. */
export const bool: ValueFormat = {
  name: 'Bool',
  itemSize: 4,
  text: (b, _v, s, e) => {
    for (let i = s; i < e; i++) if (b[i] !== 0) return 'true';
    return 'false';
  },
};

/** A handle has no meaning outside the writing process; its number is shown in hex. */
export const evtHandle: ValueFormat = {
  name: 'EvtHandle',
  itemSize: 0,
  text: (b, _v, s, e) => littleEndianHex(b, s, e),
};

/** `0x` + hex of a little-endian unsigned integer of 0-8 bytes (longer values keep 8). */
function littleEndianHex(b: Uint8Array, s: number, e: number): string {
  const end = Math.min(e, s + 8);
  let low = 0;
  let high = 0;
  for (let i = end - 1; i >= s; i--) {
    const byte = b[i] as number;
    if (i - s >= 4) high = high * 256 + byte;
    else low = low * 256 + byte;
  }
  return hex64Text(low >>> 0, high >>> 0);
}
