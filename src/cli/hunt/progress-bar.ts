// The progress of hunt, timeline and ingest on stderr (cli-progress): a line while the rules load
// and compile, then a bar of files, bytes (EVTX chunks decoded, text read), events per second,
// findings and the time left; shown only on a terminal, the bar only for runs longer than a second.
import { Presets, SingleBar } from 'cli-progress';

/** A run shorter than this never shows a bar. */
const SHOW_AFTER_MS = 1000;
/** Redraws at most this often; the engine reports after every batch. */
const UPDATE_EVERY_MS = 100;

/** What the bar shows; the engine's HuntProgress is one. */
export interface BarProgress {
  /** performance.now() at the start. */
  readonly startedAt: number;
  files(): number;
  readonly totalFiles: number;
  readonly bytes: number;
  readonly totalBytes: number;
  readonly events: number;
  /** Shown when given (hunt). */
  readonly findings?: number;
}

export interface ProgressDisplay {
  /** A line saying what is being done before reading starts (loading and compiling rules). */
  begin(step: string): void;
  /** Replaces that line with what it came to. */
  end(result: string): void;
  update(progress: BarProgress): void;
  stop(): void;
}

const NO_DISPLAY: ProgressDisplay = { begin() {}, end() {}, update() {}, stop() {} };

/** A display only when `stream` is a terminal; otherwise nothing is drawn. `now` is the clock (ms). */
export function createProgressDisplay(
  stream: NodeJS.WriteStream,
  now: () => number = () => performance.now(),
  verb = 'hunting',
): ProgressDisplay {
  if (!stream.isTTY) return NO_DISPLAY;
  let bar: SingleBar | undefined;
  let lastUpdate = 0;
  let stepStarted = 0;
  return {
    begin(step) {
      stepStarted = now();
      stream.write(`spelunk: ${step} ...`);
    },
    end(result) {
      const seconds = ((now() - stepStarted) / 1000).toFixed(1);
      stream.write(`\r\x1b[Kspelunk: ${result} (${seconds} s)\n`);
    },
    update(progress) {
      const at = now();
      if (at - progress.startedAt < SHOW_AFTER_MS || at - lastUpdate < UPDATE_EVERY_MS) return;
      lastUpdate = at;
      const elapsed = (at - progress.startedAt) / 1000;
      // gzip inputs grow when decompressed: the bar never claims to be done before the end.
      const total = Math.max(progress.totalBytes, 1);
      const value = Math.min(progress.bytes, total * 0.99);
      const payload = {
        // The file being read is not done yet.
        files: Math.max(0, progress.files() - 1),
        totalFiles: progress.totalFiles,
        mb: (progress.bytes / 1e6).toFixed(1),
        totalMb: (progress.totalBytes / 1e6).toFixed(1),
        eps: Math.round(progress.events / elapsed).toLocaleString('en-US'),
        events: progress.events.toLocaleString('en-US'),
        findings: (progress.findings ?? 0).toLocaleString('en-US'),
        left: timeLeft(elapsed, value / total),
      };
      if (bar === undefined) {
        bar = new SingleBar(
          {
            stream,
            hideCursor: true,
            clearOnComplete: true,
            format: `${verb} {bar} {percentage}% | {files}/{totalFiles} files | {mb}/{totalMb} MB | {events} events, {eps}/s${
              progress.findings === undefined ? '' : ' | {findings} findings'
            } | {left}`,
          },
          Presets.shades_classic,
        );
        bar.start(total, value, payload);
      } else bar.update(value, payload);
    },
    stop() {
      bar?.stop();
    },
  };
}

/** `ETA 1m 05s` from the time so far and the share done; `ETA -` before anything is read. */
function timeLeft(elapsedSeconds: number, done: number): string {
  if (done <= 0) return 'ETA -';
  const left = Math.round((elapsedSeconds * (1 - done)) / done);
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  return minutes > 0 ? `ETA ${minutes}m ${String(seconds).padStart(2, '0')}s` : `ETA ${seconds}s`;
}
