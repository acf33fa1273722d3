// Attack data replayed as contentctl replays it: each file read with its test's source, sourcetype, index and host.
import type { Event, EventSource } from '../../core/index.ts';
import { type InputSummary, openInputs } from '../../ingest/index.ts';

/** contentctl replays into this index unless the test names a `custom_index`. */
export const CONTENTCTL_TEST_INDEX = 'contentctl_testing_index';

export interface ReplayFile {
  readonly path: string;
  readonly source: string;
  readonly sourcetype: string;
  readonly index: string;
  readonly host: string | undefined;
}

export interface Replay {
  /** Every file's events, in order. Iterate once. */
  readonly source: EventSource;
  /** What each file gave, once `source` is drained. */
  summaries(): readonly InputSummary[];
}

/**
 * One stream over several files, each opened with its own overrides (a test can replay a Sysmon
 * and a Security file together, each with its source). `host` replaces each event's host, as
 * contentctl's HEC replay sets it.
 */
export function replayFiles(files: readonly ReplayFile[], needRaw: boolean): Replay {
  const summaries: (() => InputSummary)[] = [];
  async function* read(): EventSource {
    for (const file of files) {
      const inputs = await openInputs([file.path], {
        needRaw,
        source: file.source,
        sourcetype: file.sourcetype,
        index: file.index,
      });
      summaries.push(() => inputs.summary());
      for await (const batch of inputs.source) {
        if (file.host !== undefined)
          for (const event of batch) (event as Event)['host'] = file.host;
        yield batch;
      }
    }
  }
  return { source: read(), summaries: () => summaries.map((s) => s()) };
}
