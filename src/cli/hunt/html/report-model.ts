// The HTML hunt report's data, as `hunt --html` writes it and the report page reads it: plain
// JSON types with no imports, shared by src/cli/hunt/html/report-data.ts and ui/src/report/.

/** The engine's severity levels (engine/triage/severity.ts), lowest first. */
export type Severity = 'informational' | 'low' | 'medium' | 'high' | 'critical';

export interface ReportRule {
  readonly name: string;
  readonly id: string | null;
  readonly type: string;
  readonly level: Severity;
  readonly techniques: readonly string[];
  readonly tactics: readonly string[];
  readonly findings: number;
  readonly kept: number;
  readonly risk: number;
  readonly file: string;
}

/**
 * [rule index, time or null, risk score, host (a string index) or -1, key fields as a flat list
 * of string indexes: name, value, name, value...]. Names and values are kept once in `strings`:
 * images, users, hosts and field names repeat across thousands of findings.
 */
export type ReportFinding = readonly [number, number | null, number, number, readonly number[]];

export interface ReportIncident {
  readonly object: string;
  readonly type: string;
  readonly peak: number;
  readonly start: number;
  readonly end: number;
  readonly searches: readonly string[];
  /**
   * [time, score, search name, message], the names and messages as string indexes (a risk event
   * on a user and on its host carries one message twice).
   */
  readonly contributions: readonly (readonly [number, number, number, number])[];
}

export interface ReportTechnique {
  readonly id: string;
  readonly name: string;
  readonly tactics: readonly string[];
  readonly findings: number;
  readonly rules: readonly string[];
}

/** One severity level of the hunt's triage summary (the engine's, over every finding). */
export interface ReportLevel {
  readonly level: Severity;
  readonly findings: number;
  readonly rules: number;
  readonly hosts: number;
  readonly hostsOverflowed: boolean;
  readonly firstTime: number | null;
  readonly lastTime: number | null;
  readonly topRules: readonly string[];
  readonly topHosts: readonly string[];
}

export interface ReportData {
  readonly title: string;
  readonly generated: string;
  readonly inputs: readonly string[];
  readonly events: number;
  readonly elapsedSeconds: number;
  readonly ran: { readonly spl: number; readonly sigma: number; readonly quiet: number };
  readonly levels: readonly Severity[];
  readonly rules: readonly ReportRule[];
  readonly strings: readonly string[];
  readonly findings: readonly ReportFinding[];
  readonly incidents: readonly ReportIncident[];
  readonly techniques: readonly ReportTechnique[];
  readonly riskThreshold: number;
  /** Levels with findings, critical first. */
  readonly summary: readonly ReportLevel[];
  /** `--noisy-rules` rules that fired: counted, not listed. */
  readonly noisy: readonly { readonly name: string; readonly count: number }[];
  /** The ATT&CK Enterprise tactics in kill-chain order: the heat map's columns. */
  readonly tactics: readonly string[];
}
