// What decoding a chunk yields: its records and its problems, as plain data (worker-transferable).
import type { Event } from '../../core/index.ts';
import type { WindowsEventParts } from '../windows/windows-event.ts';
import type { ChunkContext } from './binxml/chunk-context.ts';
import type { EvtxCode } from './problem-codes.ts';
import type { EvtxRecordHeader } from './record-header.ts';

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

/** A decoded chunk whose records came out as `T`. */
export interface DecodedChunkOf<T> {
  readonly index: number;
  readonly records: readonly T[];
  readonly problems: readonly EvtxProblem[];
}

export type DecodedChunk = DecodedChunkOf<DecodedRecord>;

/** A record identified for a report: its identifier and file offset. */
export interface RecordRef {
  readonly recordId: number;
  readonly offset: number;
}

/** A chunk decoded straight to events (see EventDecoder). */
export interface EventChunk extends DecodedChunkOf<Event> {
  /** Records with no SystemTime (nor Sysmon UtcTime), whose `_time` is 0: ING401 each. */
  readonly untimed: readonly RecordRef[];
}

/** What a chunk decoder turns each record into (a DecodedRecord, an event). */
export interface RecordOutput<T> {
  /** Throws `EvtxDecodeError` (offsets relative to the chunk) when the record is damaged. */
  decode(chunk: ChunkContext, header: EvtxRecordHeader, chunkOffset: number, recovered: boolean): T;
}
