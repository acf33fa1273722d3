// One input's bytes, decompressed, with what sniffing needs: its head and its text encoding.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface ByteInput {
  /** As the user named it (`-` for stdin, `logs/a.xml.gz`); problems cite it. */
  readonly path: string;
  /** A file on disk holding exactly these bytes (not for stdin or decompressed input). */
  readonly filePath: string | undefined;
  /** Whether the bytes were decompressed (gzip). */
  readonly compressed: boolean;
  /** From the byte-order mark, or from NUL bytes in the head; UTF-8 otherwise. */
  readonly encoding: TextEncoding;
  /** The first bytes (up to 64 KiB), already read; `chunks()` yields them again first. */
  readonly head: Uint8Array;
  /**
   * Blank lines (and blank characters after the last of them) dropped before `head`: readers
   * add them to the line and column numbers they report.
   */
  readonly skipped?: { readonly lines: number; readonly columns: number };
  /**
   * What broke in the compressed stream (truncated, corrupt, garbage after it), once `chunks()`
   * has ended: the bytes before the damage were all given.
   */
  damage?(): string | undefined;
  /** All the bytes, in chunks of up to 64 KiB (CHUNK_BYTES). Call once. */
  chunks(): AsyncIterable<Uint8Array>;
  /** Releases the file when the input is not read after all (its format was refused). */
  close(): Promise<void>;
}
