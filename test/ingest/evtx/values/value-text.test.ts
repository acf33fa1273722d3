// Every BinXML value type rendered as Windows renders it (MS-EVEN6 §2.2.12.3), and arrays split.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EvtxDecodeError } from '../../../../src/ingest/evtx/decode-error.ts';
import { arrayItems, scalarText } from '../../../../src/ingest/evtx/values/index.ts';
import {
  ansiBytes,
  concat,
  fileTimeBytes,
  guidBytes,
  le,
  sidBytes,
  sysTimeBytes,
  T,
  utf16,
} from '../writer/values.ts';

function text(type: number, bytes: ArrayLike<number>): string {
  const b = Buffer.from(Uint8Array.from(bytes));
  return scalarText(b, new DataView(b.buffer, b.byteOffset, b.length), type, 0, b.length);
}

/** FILETIME ticks of a UTC millisecond time plus `extra` 100 ns ticks. */
function ticksOf(ms: number, extra: bigint): bigint {
  return BigInt(ms) * 10_000n + 116_444_736_000_000_000n + extra;
}

function items(type: number, bytes: ArrayLike<number>): string[] {
  const b = Buffer.from(Uint8Array.from(bytes));
  return arrayItems(b, new DataView(b.buffer, b.byteOffset, b.length), type, 0, b.length);
}

const SCALARS: readonly (readonly [string, number, ArrayLike<number>, string])[] = [
  ['Null', T.null, [], ''],
  ['String', T.string, utf16('C:\\Windows\\cmd.exe'), 'C:\\Windows\\cmd.exe'],
  ['String stops at NUL', T.string, utf16('ab\0cd'), 'ab'],
  ['String, short', T.string, utf16('-'), '-'],
  ['String, non-ASCII', T.string, utf16('Überprüfung ✓'), 'Überprüfung ✓'],
  [
    'AnsiString (Windows-1252)',
    T.ansiString,
    ansiBytes([0x63, 0x61, 0x66, 0xe9, 0x80, 0]),
    'café€',
  ],
  ['Int8', T.int8, [0xff], '-1'],
  ['UInt8', T.uint8, [0xff], '255'],
  ['Int16', T.int16, le(2, -2), '-2'],
  ['UInt16', T.uint16, le(2, 65535), '65535'],
  ['Int32', T.int32, le(4, -5), '-5'],
  ['UInt32', T.uint32, le(4, 4294967295), '4294967295'],
  ['Int64', T.int64, le(8, -9007199254740993n), '-9007199254740993'],
  ['UInt64 beyond 2^53', T.uint64, le(8, 18446744073709551615n), '18446744073709551615'],
  ['UInt64', T.uint64, le(8, 1234567), '1234567'],
  ['Real32', T.real32, [0x00, 0x00, 0xc0, 0x3f], '1.5'],
  ['Real32 shortest', T.real32, [0xcd, 0xcc, 0xcc, 0x3d], '0.1'],
  ['Real64', T.real64, [0x9a, 0x99, 0x99, 0x99, 0x99, 0x99, 0xb9, 0x3f], '0.1'],
  ['Bool true', T.bool, le(4, 1), 'true'],
  ['Bool false', T.bool, le(4, 0), 'false'],
  ['Bool irregular non-zero', T.bool, le(4, 0x100), 'true'],
  ['Binary', T.binary, [0x00, 0xab, 0x10], '00AB10'],
  [
    'Guid',
    T.guid,
    guidBytes('{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'),
    '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
  ],
  ['SizeT 64-bit', T.sizeT, le(8, 0x24c), '0x24c'],
  ['SizeT 32-bit', T.sizeT, le(4, 4), '0x4'],
  [
    'FileTime',
    T.fileTime,
    fileTimeBytes(ticksOf(Date.UTC(2016, 6, 8, 18, 12, 51, 681), 6408n)),
    '2016-07-08T18:12:51.681640800Z',
  ],
  [
    'FileTime before 1970',
    T.fileTime,
    fileTimeBytes(ticksOf(Date.UTC(1969, 11, 31, 23, 59, 59, 999), 1n)),
    '1969-12-31T23:59:59.999000100Z',
  ],
  ['FileTime epoch', T.fileTime, fileTimeBytes(0n), '1601-01-01T00:00:00.000000000Z'],
  [
    'FileTime far future',
    T.fileTime,
    le(8, 0x7fffffffffffffffn),
    '30828-09-14T02:48:05.477580700Z',
  ],
  ['SysTime', T.sysTime, sysTimeBytes([2019, 3, 5, 8, 23, 23, 5, 7]), '2019-03-08T23:23:05.007Z'],
  [
    'Sid',
    T.sid,
    sidBytes('S-1-5-21-2967420476-1305424719-3994513216-500'),
    'S-1-5-21-2967420476-1305424719-3994513216-500',
  ],
  ['Sid, no sub-authority', T.sid, sidBytes('S-1-0'), 'S-1-0'],
  [
    'Sid, 48-bit authority',
    T.sid,
    [1, 1, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, ...le(4, 7)],
    'S-1-0x010203040506-7',
  ],
  ['HexInt32', T.hexInt32, le(4, 0x1fffff), '0x1fffff'],
  ['HexInt64 unpadded', T.hexInt64, le(8, 0x3e7), '0x3e7'],
  ['HexInt64 keywords', T.hexInt64, le(8, 0x8020000000000000n), '0x8020000000000000'],
  ['HexInt64 zero', T.hexInt64, le(8, 0), '0x0'],
  ['EvtHandle', T.evtHandle, le(8, 0x1234), '0x1234'],
  ['EvtXml', T.evtXml, utf16('<a/>'), '<a/>'],
];

for (const [name, type, bytes, expected] of SCALARS) {
  test(`value type ${name} (0x${type.toString(16)})`, () => {
    assert.equal(text(type, bytes), expected);
  });
}

const ARRAYS: readonly (readonly [string, number, ArrayLike<number>, readonly string[]])[] = [
  [
    'String[]',
    T.string | T.array,
    concat(utf16('a', true), utf16('', true), utf16('bc', true)),
    ['a', '', 'bc'],
  ],
  [
    'String[] without last NUL',
    T.string | T.array,
    concat(utf16('a', true), utf16('b')),
    ['a', 'b'],
  ],
  ['String[] empty', T.string | T.array, [], []],
  ['AnsiString[]', T.ansiString | T.array, [0x61, 0, 0x62, 0], ['a', 'b']],
  ['UInt16[]', T.uint16 | T.array, concat(le(2, 1), le(2, 2)), ['1', '2']],
  ['Int32[]', T.int32 | T.array, concat(le(4, -1), le(4, 7)), ['-1', '7']],
  ['UInt64[]', T.uint64 | T.array, le(8, 9), ['9']],
  ['HexInt32[]', T.hexInt32 | T.array, concat(le(4, 255), le(4, 0)), ['0xff', '0x0']],
  ['HexInt64[]', T.hexInt64 | T.array, concat(le(8, 1), le(8, 16)), ['0x1', '0x10']],
  [
    'Guid[]',
    T.guid | T.array,
    concat(
      guidBytes('{00000000-0000-0000-0000-000000000001}'),
      guidBytes('{ABCDEF01-2345-6789-ABCD-EF0123456789}'),
    ),
    ['{00000000-0000-0000-0000-000000000001}', '{ABCDEF01-2345-6789-ABCD-EF0123456789}'],
  ],
  [
    'Sid[]',
    T.sid | T.array,
    concat(sidBytes('S-1-5-18'), sidBytes('S-1-5-32-544')),
    ['S-1-5-18', 'S-1-5-32-544'],
  ],
  ['FileTime[]', T.fileTime | T.array, fileTimeBytes(0n), ['1601-01-01T00:00:00.000000000Z']],
  [
    'SysTime[]',
    T.sysTime | T.array,
    sysTimeBytes([2000, 1, 6, 1, 0, 0, 0, 0]),
    ['2000-01-01T00:00:00.000Z'],
  ],
  ['Bool[]', T.bool | T.array, concat(le(4, 1), le(4, 0)), ['true', 'false']],
  ['Real64[]', T.real64 | T.array, [0, 0, 0, 0, 0, 0, 0xf0, 0x3f], ['1']],
  ['Int8[]', T.int8 | T.array, [0x80, 0x7f], ['-128', '127']],
  ['UInt8[]', T.uint8 | T.array, [1, 2, 3], ['1', '2', '3']],
  ['SizeT[] (8-byte items)', T.sizeT | T.array, concat(le(8, 1), le(8, 2)), ['0x1', '0x2']],
];

for (const [name, type, bytes, expected] of ARRAYS) {
  test(`array value type ${name} (0x${type.toString(16)})`, () => {
    assert.deepEqual(items(type, bytes), expected);
  });
}

test('a fixed-size value with the wrong size is a decode error naming the type', () => {
  assert.throws(
    () => text(T.uint32, [1, 2]),
    (e: unknown) =>
      e instanceof EvtxDecodeError &&
      e.field === 'substitution value' &&
      /UInt32 needs 4 bytes, has 2/.test(e.message),
  );
});

test('an unknown value type is a decode error with its code', () => {
  assert.throws(
    () => text(0x3f, [1]),
    (e: unknown) => e instanceof EvtxDecodeError && /unknown value type 0x3f/.test(e.message),
  );
});

test('an array whose size is not a whole number of items is a decode error', () => {
  assert.throws(() => items(T.uint32 | T.array, [1, 2, 3, 4, 5]), EvtxDecodeError);
});

test('a SID array item that runs past the value is a decode error', () => {
  assert.throws(() => items(T.sid | T.array, [1, 5, 0, 0, 0, 0, 0, 5, 1]), EvtxDecodeError);
});

test('repeated and alternating SIDs and HexInt64 values render right (last-value memos)', () => {
  const sequence: readonly (readonly [number, ArrayLike<number>, string])[] = [
    [T.sid, sidBytes('S-1-5-18'), 'S-1-5-18'],
    [T.sid, sidBytes('S-1-5-18'), 'S-1-5-18'],
    [T.sid, sidBytes('S-1-5-19'), 'S-1-5-19'],
    [T.sid, sidBytes('S-1-5-21-1-2-3-500'), 'S-1-5-21-1-2-3-500'],
    [T.sid, sidBytes('S-1-5-21-1-2-3-501'), 'S-1-5-21-1-2-3-501'],
    [T.sid, sidBytes('S-1-5-18'), 'S-1-5-18'],
    [T.hexInt64, le(8, 0x8020000000000000n), '0x8020000000000000'],
    [T.hexInt64, le(8, 0x8020000000000000n), '0x8020000000000000'],
    [T.hexInt64, le(8, 0x20000000n), '0x20000000'],
    [T.hexInt64, le(8, 0x2000000000000000n), '0x2000000000000000'],
    [T.hexInt64, le(8, 0), '0x0'],
  ];
  for (const [type, bytes, want] of sequence) assert.equal(text(type, bytes), want);
  // The memo keeps its own copy: the bytes a SID was read from may be overwritten.
  const reused = Buffer.from(sidBytes('S-1-5-32-544'));
  const view = new DataView(reused.buffer, reused.byteOffset, reused.length);
  assert.equal(scalarText(reused, view, T.sid, 0, reused.length), 'S-1-5-32-544');
  reused.set(sidBytes('S-1-5-32-545'));
  assert.equal(scalarText(reused, view, T.sid, 0, reused.length), 'S-1-5-32-545');
});
