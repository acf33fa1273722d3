// Test-side encoders for BinXML value payloads (the inverse of src/ingest/evtx/values).

export interface Value {
  readonly type: number;
  readonly bytes: Uint8Array;
}

export const T = {
  null: 0x00,
  string: 0x01,
  ansiString: 0x02,
  int8: 0x03,
  uint8: 0x04,
  int16: 0x05,
  uint16: 0x06,
  int32: 0x07,
  uint32: 0x08,
  int64: 0x09,
  uint64: 0x0a,
  real32: 0x0b,
  real64: 0x0c,
  bool: 0x0d,
  binary: 0x0e,
  guid: 0x0f,
  sizeT: 0x10,
  fileTime: 0x11,
  sysTime: 0x12,
  sid: 0x13,
  hexInt32: 0x14,
  hexInt64: 0x15,
  evtHandle: 0x20,
  binXml: 0x21,
  evtXml: 0x23,
  array: 0x80,
} as const;

export function utf16(text: string, terminator = false): Uint8Array {
  const out = new Uint8Array((text.length + (terminator ? 1 : 0)) * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

export function le(size: number, value: number | bigint): Uint8Array {
  const out = new Uint8Array(size);
  let v = BigInt.asUintN(size * 8, BigInt(value));
  for (let i = 0; i < size; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

export function concat(...parts: readonly ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` → its 16 little-endian bytes. */
export function guidBytes(text: string): Uint8Array {
  const hex = text.replace(/[{}-]/g, '');
  const b = (i: number) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return Uint8Array.from([
    b(3),
    b(2),
    b(1),
    b(0),
    b(5),
    b(4),
    b(7),
    b(6),
    ...Array.from({ length: 8 }, (_, i) => b(8 + i)),
  ]);
}

/** `S-1-5-21-...` → its binary form (authority big-endian, sub-authorities little-endian). */
export function sidBytes(text: string): Uint8Array {
  const [, revision, authority, ...subs] = text.split('-');
  const head = new Uint8Array(8);
  head[0] = Number(revision);
  head[1] = subs.length;
  let a = BigInt(authority ?? '0');
  for (let i = 7; i >= 2; i--) {
    head[i] = Number(a & 0xffn);
    a >>= 8n;
  }
  return concat(head, ...subs.map((s) => le(4, Number(s))));
}

/** A Date (or a tick count since 1601) as FILETIME bytes. */
export function fileTimeBytes(when: Date | bigint): Uint8Array {
  const ticks =
    typeof when === 'bigint' ? when : BigInt(when.getTime()) * 10_000n + 116_444_736_000_000_000n;
  return le(8, ticks);
}

export function ansiBytes(bytes: readonly number[]): Uint8Array {
  return Uint8Array.from(bytes);
}

export function sysTimeBytes(fields: readonly number[]): Uint8Array {
  return concat(...fields.map((f) => le(2, f)));
}

export const v = {
  null: (size = 0): Value => ({ type: T.null, bytes: new Uint8Array(size) }),
  string: (text: string): Value => ({ type: T.string, bytes: utf16(text) }),
  ansi: (bytes: readonly number[]): Value => ({
    type: T.ansiString,
    bytes: Uint8Array.from(bytes),
  }),
  u8: (n: number): Value => ({ type: T.uint8, bytes: le(1, n) }),
  u16: (n: number): Value => ({ type: T.uint16, bytes: le(2, n) }),
  u32: (n: number): Value => ({ type: T.uint32, bytes: le(4, n) }),
  u64: (n: number | bigint): Value => ({ type: T.uint64, bytes: le(8, n) }),
  hex32: (n: number): Value => ({ type: T.hexInt32, bytes: le(4, n) }),
  hex64: (n: number | bigint): Value => ({ type: T.hexInt64, bytes: le(8, n) }),
  guid: (text: string): Value => ({ type: T.guid, bytes: guidBytes(text) }),
  sid: (text: string): Value => ({ type: T.sid, bytes: sidBytes(text) }),
  fileTime: (when: Date | bigint): Value => ({ type: T.fileTime, bytes: fileTimeBytes(when) }),
  binXml: (bytes: Uint8Array): Value => ({ type: T.binXml, bytes }),
  stringArray: (items: readonly string[]): Value => ({
    type: T.string | T.array,
    bytes: concat(...items.map((s) => utf16(s, true))),
  }),
  raw: (type: number, bytes: Uint8Array | readonly number[]): Value => ({
    type,
    bytes: bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes),
  }),
};
