// The hunt's progress bar on stderr (cli-progress): files, bytes and events per second, shown only for long runs on a terminal.
import { Presets, SingleBar } from 'cli-progress';
import type { HuntProgress } from '../../engine/index.ts';

/** A run shorter than this never shows a bar. */
const SHOW_AFTER_MS = 1000;
/** Redraws at most this often; the engine reports after every batch. */
const UPDATE_EVERY_MS = 100;

export interface ProgressDisplay {
  update(progress: HuntProgress): void;
  stop(): void;
}

const NO_DISPLAY: ProgressDisplay = { update() {}, stop() {} };

/** A bar only when `stream` is a terminal; otherwise nothing is drawn. `now` is the clock (ms). */
export function createProgressDisplay(
  stream: NodeJS.WriteStream,
  now: () => number = () => performance.now(),
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
        findings: progress.findings.toLocaleString('en-US'),
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
            format:
              'hunting {bar} {percentage}% | {files}/{totalFiles} files | {mb}/{totalMb} MB | {events} events, {eps}/s | {findings} findings',
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
