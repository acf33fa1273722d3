// The interface every output format implements: rows arrive in batches, `end` closes the output.
import type { Event } from '../../core/index.ts';

export interface ResultWriter {
  /** Takes the next rows; formats that need every row first (table, csv) hold them until `end`. */
  write(rows: readonly Event[]): void;
  /** Writes whatever is held and the closing text; called once, also when there were no rows. */
  end(): void;
}

/** Where a writer puts its text: stdout in the CLI, a string buffer in tests. */
export type TextSink = (text: string) => void;
