// Counts what a run reads, file by file, as the event source is consumed.
import type { InputFormatName } from '../formats/input-format.ts';
import type { IngestProblem } from '../read-options.ts';
import { type FileReport, type InputSummary, MAX_KEPT_PROBLEMS } from './input-summary.ts';

type MutableReport = { -readonly [K in keyof FileReport]: FileReport[K] };

export class InputTally {
  private readonly files: MutableReport[] = [];
  private readonly problems: IngestProblem[] = [];
  private problemsNotKept = 0;

  private readonly ignored: readonly string[];
  private readonly live: ((problem: IngestProblem) => void) | undefined;

  constructor(ignored: readonly string[], live: ((problem: IngestProblem) => void) | undefined) {
    this.ignored = ignored;
    this.live = live;
  }

  /** Starts the report of the next file; later calls update it. */
  startFile(path: string): MutableReport {
    const report: MutableReport = {
      path,
      format: undefined,
      compressed: false,
      events: 0,
      skipped: 0,
      damaged: 0,
      refused: undefined,
    };
    this.files.push(report);
    return report;
  }

  /** A problem inside the file of `report` (or the file refused whole, `location` empty). */
  problem(report: MutableReport, problem: IngestProblem): void {
    if (problem.kind === 'skipped') report.skipped++;
    else report.damaged++;
    if (this.problems.length < MAX_KEPT_PROBLEMS) this.problems.push(problem);
    else this.problemsNotKept++;
    this.live?.(problem);
  }

  refuse(report: MutableReport, code: string, reason: string): void {
    report.refused = reason;
    this.problem(report, {
      code,
      path: report.path,
      location: '',
      message: reason,
      kind: 'skipped',
    });
  }

  setFormat(report: MutableReport, format: InputFormatName | 'empty', compressed: boolean): void {
    report.format = format;
    report.compressed = compressed;
  }

  summary(): InputSummary {
    let events = 0;
    let skipped = 0;
    let damaged = 0;
    let refusedFiles = 0;
    for (const file of this.files) {
      events += file.events;
      skipped += file.skipped;
      damaged += file.damaged;
      if (file.refused !== undefined) refusedFiles++;
    }
    return {
      files: this.files.map((file) => ({ ...file })),
      ignored: this.ignored,
      events,
      skipped,
      damaged,
      refusedFiles,
      problems: [...this.problems],
      problemsNotKept: this.problemsNotKept,
    };
  }
}
