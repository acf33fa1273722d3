// What decoding a chunk yields: its records and its problems, as plain data (worker-transferable).
import type { WindowsEventParts } from '../windows/windows-event.ts';
import type { EvtxCode } from './problem-codes.ts';

export interface DecodedRecord {
  readonly recordId: number;
  /** File offset of the record. */
  readonly offset: number;
  /** Undefined when only XML was asked for. */
  readonly parts: WindowsEventParts | undefined;
  /** Undefined when no XML was asked for. */
  readonly xml: string | undefined;
  /** Found in slack space by `recover`, not in the chunk's record list. */
  readonly recovered: boolean;
}

export interface EvtxProblem {
  readonly code: EvtxCode;
  /** `skipped`: records were lost. `damaged`: read, but something was wrong (e.g. a CRC). */
  readonly kind: 'skipped' | 'damaged';
  /** `chunk 3 @0x31000, record 42 @0x31230`. */
  readonly location: string;
  readonly message: string;
}

export interface DecodedChunk {
  readonly index: number;
  readonly records: readonly DecodedRecord[];
  readonly problems: readonly EvtxProblem[];
}
