// BinXML value type codes (MS-EVEN6 §2.2.4, libevtx spec "Value types").

export const VALUE_TYPE = {
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
} as const;

/** Set on a value type to make it an array of that type (MS-EVEN6 §2.2.4). */
const ARRAY_FLAG = 0x80;

export function isArrayType(type: number): boolean {
  return (type & ARRAY_FLAG) !== 0;
}
