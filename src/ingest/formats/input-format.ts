// What an input format is: how its content is recognised and how it is read.
import type { EventSource } from '../../core/index.ts';
import type { ByteInput } from '../input/byte-input.ts';
import type { ReadOptions } from '../read-options.ts';

export type InputFormatName = 'evtx' | 'xml' | 'jsonl' | 'csv';

/** The start of an input, for sniffing: raw bytes and the same decoded as text. */
export interface InputHead {
  readonly bytes: Uint8Array;
  /** Decoded with the input's encoding, byte-order mark dropped, leading whitespace kept. */
  readonly text: string;
}

export interface InputFormat {
  readonly name: InputFormatName;
  readonly description: string;
  /** File name endings that suggest the format when the content does not decide (lower case). */
  readonly extensions: readonly string[];
  /** Whether the content certainly is this format. Checked in registry order. */
  sniff(head: InputHead): boolean;
  /** Absent when this build recognises the format but cannot read it (ING004). */
  readonly read?: (input: ByteInput, options: ReadOptions) => EventSource;
}
