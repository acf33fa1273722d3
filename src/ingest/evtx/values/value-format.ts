// What a value type's formatter looks like: its name, its item width, and its text.

export interface ValueFormat {
  /** MS-EVEN6 name without the `Type` suffix, for messages. */
  readonly name: string;
  /** Bytes per item in an array of this type; 0 when items delimit themselves. */
  readonly itemSize: number;
  /** The text of the value stored in `bytes[start, end)`, as Windows renders it in XML. */
  readonly text: (bytes: Uint8Array, view: DataView, start: number, end: number) => string;
}
