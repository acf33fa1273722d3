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

/** Text is written in pieces of about this many characters: one system call per piece. */
const OUTPUT_PIECE = 1 << 16;

/**
 * The output: a file (`-o`) or stdout, written in pieces of 64 Ki characters (hunts write
 * findings one by one: a system call each cost more than the findings). `close` writes the rest.
 */
export function openOutput(file: string | undefined, stdout: (text: string) => void) {
  const fd = file === undefined ? undefined : openSync(file, 'w');
  const write = fd === undefined ? stdout : (text: string) => writeSync(fd, text);
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length > 0) write(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write: (text: string) => {
      pending.push(text);
      size += text.length;
      if (size >= OUTPUT_PIECE) flush();
    },
    close: () => {
      flush();
      if (fd !== undefined) closeSync(fd);
    },
  };
}
