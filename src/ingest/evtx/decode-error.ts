// The error a decoder throws when the bytes are not what the format says: what, which field, where.

/**
 * Thrown by every EVTX decoding layer. `offset` is relative to the buffer being decoded (the
 * chunk, for everything inside a chunk); `describe` turns it into a file offset for reports.
 */
export class EvtxDecodeError extends Error {
  /** The format field being read, e.g. `record size` or `substitution value type`. */
  readonly field: string;
  readonly offset: number;
  readonly detail: string;

  constructor(field: string, offset: number, detail: string) {
    super(`${field} at 0x${offset.toString(16)}: ${detail}`);
    this.name = 'EvtxDecodeError';
    this.field = field;
    this.offset = offset;
    this.detail = detail;
  }

  /** The message with the offset made absolute: `base` is the file offset of the buffer. */
  describe(base: number): string {
    return `${this.field} at byte 0x${(base + this.offset).toString(16)}: ${this.detail}`;
  }
}

export function truncated(field: string, offset: number, need: number, have: number): never {
  throw new EvtxDecodeError(
    field,
    offset,
    `needs ${need} byte(s) but only ${Math.max(0, have)} remain`,
  );
}

export function invalid(field: string, offset: number, detail: string): never {
  throw new EvtxDecodeError(field, offset, detail);
}

/** A record that is well-formed but beyond what one record may cost (nesting, expansion). */
export class EvtxLimitError extends EvtxDecodeError {
  constructor(field: string, offset: number, detail: string) {
    super(field, offset, detail);
    this.name = 'EvtxLimitError';
  }
}

export function beyondLimit(field: string, offset: number, detail: string): never {
  throw new EvtxLimitError(field, offset, detail);
}
