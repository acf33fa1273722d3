// CRC-32 (RFC 1952, reflected polynomial 0xEDB88320) over byte ranges, as EVTX headers use it.
//
// Written by hand because Node 20 has no zlib.crc32 (it arrived in Node 22.2). Slicing-by-8
// tables make a 64 KiB chunk cost about a tenth of what a byte-at-a-time loop costs.

const TABLES = buildTables();

function buildTables(): Uint32Array {
  const tables = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n] as number;
    for (let t = 1; t < 8; t++) {
      c = (tables[c & 0xff] as number) ^ (c >>> 8);
      tables[t * 256 + n] = c >>> 0;
    }
  }
  return tables;
}

/** Continues a CRC-32 over `bytes[start, end)`; pass the previous result to chain ranges. */
export function crc32(bytes: Uint8Array, start: number, end: number, previous = 0): number {
  const t = TABLES;
  let crc = ~previous >>> 0;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const lo =
      (crc ^
        ((bytes[i] as number) |
          ((bytes[i + 1] as number) << 8) |
          ((bytes[i + 2] as number) << 16) |
          ((bytes[i + 3] as number) << 24))) >>>
      0;
    crc =
      (t[0x700 + (lo & 0xff)] as number) ^
      (t[0x600 + ((lo >>> 8) & 0xff)] as number) ^
      (t[0x500 + ((lo >>> 16) & 0xff)] as number) ^
      (t[0x400 + (lo >>> 24)] as number) ^
      (t[0x300 + (bytes[i + 4] as number)] as number) ^
      (t[0x200 + (bytes[i + 5] as number)] as number) ^
      (t[0x100 + (bytes[i + 6] as number)] as number) ^
      (t[bytes[i + 7] as number] as number);
  }
  for (; i < end; i++) crc = (t[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}
