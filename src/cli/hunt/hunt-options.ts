// hunt's command-line helpers: numeric options, setup problems, the output sink.
import { closeSync, openSync, writeSync } from 'node:fs';
import { formatDiagnostics } from '../../core/index.ts';
import { DEFAULT_INCIDENT_OPTIONS, type Workspace } from '../../engine/index.ts';
import { parseDuration } from './duration.ts';

export interface ParsedNumbers {
  readonly incidents: { threshold: number; windowSeconds: number };
  readonly maxFindings: number | undefined;
}

export function parseNumbers(options: {
  readonly riskThreshold?: string;
  readonly riskWindow?: string;
  readonly maxFindings?: string;
}): ParsedNumbers | { message: string } {
  const threshold =
    options.riskThreshold === undefined
      ? DEFAULT_INCIDENT_OPTIONS.threshold
      : Number(options.riskThreshold);
  if (!Number.isFinite(threshold) || options.riskThreshold?.trim() === '') {
    return { message: `--risk-threshold must be a number, not "${options.riskThreshold}"` };
  }
  const windowSeconds =
    options.riskWindow === undefined
      ? DEFAULT_INCIDENT_OPTIONS.windowSeconds
      : parseDuration(options.riskWindow);
  if (windowSeconds === undefined) {
    return {
      message: `--risk-window must be a duration such as 24h, 90m, 7d or 3600, not "${options.riskWindow}"`,
    };
  }
  let maxFindings: number | undefined;
  if (options.maxFindings !== undefined) {
    maxFindings = Number(options.maxFindings);
    if (!Number.isInteger(maxFindings) || maxFindings < 0) {
      return { message: `--max-findings must be a whole number, not "${options.maxFindings}"` };
    }
  }
  return { incidents: { threshold, windowSeconds }, maxFindings };
}

/** Errors in full; warnings in full with --warnings, else one line of counts per code. */
export function reportSetup(
  setup: Workspace,
  allWarnings: boolean,
  io: { readonly err: (text: string) => void },
): void {
  const errors = setup.diagnostics.filter((d) => d.severity === 'error');
  const warnings = setup.diagnostics.filter((d) => d.severity === 'warning');
  const shown = allWarnings ? [...errors, ...warnings] : errors;
  if (shown.length > 0) io.err(`${formatDiagnostics(shown)}\n\n`);
  if (!allWarnings && warnings.length > 0) {
    const byCode = new Map<string, number>();
    for (const w of warnings) byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
    const counts = [...byCode].map(([code, n]) => `${code} x${n}`).join(', ');
    io.err(
      `${warnings.length} content/Sigma warning${warnings.length === 1 ? '' : 's'} (${counts}); --warnings prints them\n`,
    );
  }
}

/** Text is written in pieces of about this many characters (bytes, to a file): one system call per piece. */
const OUTPUT_PIECE = 1 << 16;

/**
 * The output: a file (`-o`) or stdout, written in pieces of 64 KiB (hunts write findings one by
 * one: a system call each cost more than the findings). A file's text is encoded straight into
 * the piece's buffer as it comes (no joined copy of hundreds of megabytes of JSON lines). `close`
 * writes the rest.
 */
export function openOutput(file: string | undefined, stdout: (text: string) => void) {
  if (file === undefined) return openStdout(stdout);
  const fd = openSync(file, 'w');
  const piece = Buffer.allocUnsafe(OUTPUT_PIECE);
  let used = 0;
  const flush = () => {
    if (used > 0) writeSync(fd, piece, 0, used);
    used = 0;
  };
  return {
    write: (text: string) => {
      // A UTF-16 code unit is at most 3 bytes of UTF-8.
      if (used + 3 * text.length > OUTPUT_PIECE) flush();
      if (3 * text.length > OUTPUT_PIECE) writeSync(fd, text);
      else used += piece.write(text, used, 'utf8');
    },
    close: () => {
      flush();
      closeSync(fd);
    },
  };
}

function openStdout(stdout: (text: string) => void) {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length > 0) stdout(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write: (text: string) => {
      pending.push(text);
      size += text.length;
      if (size >= OUTPUT_PIECE) flush();
    },
    close: flush,
  };
}
