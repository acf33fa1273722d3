// `timeline`'s entry: the hunt's findings as rows in time order, sorted outside memory.
import type { EventDetails } from '../../knowledge/index.ts';
import type { HuntReport } from '../hunt/hunt-report.ts';
import { type HuntHooks, type HuntOptions, runHunt } from '../hunt/run-hunt.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { ExternalSorter } from './external-sort.ts';
import { compareTimelineRows, type TimelineRow, timelineRowOf } from './timeline-row.ts';

export interface TimelineOptions extends Omit<HuntOptions, 'keepFindings'> {
  /** The details table (`loadEventDetails`). */
  readonly details: EventDetails;
  /** Rows held in memory before a sorted run is spilled to a temporary file (tests). */
  readonly runSize?: number;
}

export interface Timeline {
  /** The hunt behind it: summary, risk, coverage, inputs, problems (it keeps no findings). */
  readonly report: HuntReport;
  readonly rowCount: number;
  /** Every row in time order (untimed last). Read once, then `close()`. */
  rows(): Generator<TimelineRow>;
  /** Removes the temporary file. */
  close(): void;
}

/**
 * hunt, keeping no findings (each one becomes a row as it is found) → rows into a bounded
 * external sort → the rows in time order, read back from the sorted runs. Memory holds one run of
 * rows whatever the number of findings.
 */
export async function runTimeline(
  workspace: Workspace,
  paths: readonly string[],
  options: TimelineOptions,
  hooks: HuntHooks = {},
): Promise<Timeline> {
  const sorter = new ExternalSorter<TimelineRow>({
    compare: compareTimelineRows,
    encode: (row) => JSON.stringify(row),
    decode: (line) => JSON.parse(line) as TimelineRow,
    ...(options.runSize === undefined ? {} : { runSize: options.runSize }),
  });
  try {
    const report = await runHunt(
      workspace,
      paths,
      { ...options, keepFindings: false },
      {
        ...hooks,
        onFinding: (finding) => {
          sorter.add(timelineRowOf(finding, options.details));
          hooks.onFinding?.(finding);
        },
      },
    );
    return {
      report,
      rowCount: sorter.count,
      rows: () => sorter.sorted(),
      close: () => sorter.close(),
    };
  } catch (cause) {
    sorter.close();
    throw cause;
  }
}
