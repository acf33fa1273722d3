// The progress bar of hunt and ingest on stderr (cli-progress): files, bytes and events per second, shown only for long runs on a terminal.
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
  update(progress: BarProgress): void;
  stop(): void;
}

const NO_DISPLAY: ProgressDisplay = { update() {}, stop() {} };

/** A bar only when `stream` is a terminal; otherwise nothing is drawn. `now` is the clock (ms). */
export function createProgressDisplay(
  stream: NodeJS.WriteStream,
  now: () => number = () => performance.now(),
  verb = 'hunting',
): ProgressDisplay {
  if (!stream.isTTY) return NO_DISPLAY;
  let bar: SingleBar | undefined;
  let lastUpdate = 0;
  return {
    update(progress) {
      const at = now();
      if (at - progress.startedAt < SHOW_AFTER_MS || at - lastUpdate < UPDATE_EVERY_MS) return;
      lastUpdate = at;
      const seconds = (at - progress.startedAt) / 1000;
      const payload = {
        files: progress.files(),
        totalFiles: progress.totalFiles,
        mb: (progress.bytes / 1e6).toFixed(1),
        totalMb: (progress.totalBytes / 1e6).toFixed(1),
        eps: Math.round(progress.events / seconds).toLocaleString('en-US'),
        events: progress.events.toLocaleString('en-US'),
        findings: (progress.findings ?? 0).toLocaleString('en-US'),
      };
      // gzip inputs grow when decompressed: the bar never claims to be done before the end.
      const total = Math.max(progress.totalBytes, 1);
      const value = Math.min(progress.bytes, total * 0.99);
      if (bar === undefined) {
        bar = new SingleBar(
          {
            stream,
            hideCursor: true,
            clearOnComplete: true,
            format: `${verb} {bar} {percentage}% | {files}/{totalFiles} files | {mb}/{totalMb} MB | {events} events, {eps}/s${
              progress.findings === undefined ? '' : ' | {findings} findings'
            }`,
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
