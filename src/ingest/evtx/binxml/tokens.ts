// BinXML token bytes (MS-EVEN6 §2.2.12; libevtx spec "Token types"). 0x40 marks "more data".

export const TOKEN = {
  eof: 0x00,
  openStartElement: 0x01,
  closeStartElement: 0x02,
  closeEmptyElement: 0x03,
  endElement: 0x04,
  value: 0x05,
  attribute: 0x06,
  cdataSection: 0x07,
  charRef: 0x08,
  entityRef: 0x09,
  piTarget: 0x0a,
  piData: 0x0b,
  templateInstance: 0x0c,
  normalSubstitution: 0x0d,
  optionalSubstitution: 0x0e,
  fragmentHeader: 0x0f,
} as const;

/** The "has more data" / "has attributes" bit some tokens carry. */
export const TOKEN_MORE_FLAG = 0x40;
