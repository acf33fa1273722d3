// The triage summary of a hunt: per severity level, how much fired, which rules and hosts most,
// and when; what a responder reads first, and what a report renderer draws.
import { type MaybeValue, readField, type SharedEvent } from '../../core/index.ts';
import { SEVERITIES, type Severity, severityRank } from './severity.ts';

export interface RuleCount {
  readonly name: string;
  readonly id: string | undefined;
  readonly count: number;
}

export interface HostCount {
  readonly host: string;
  readonly count: number;
}

export interface LevelSummary {
  readonly level: Severity;
  readonly findings: number;
  /** Rules that fired at this level. */
  readonly rules: number;
  /** The rules with the most findings, most first (then by name). */
  readonly topRules: readonly RuleCount[];
  /** Hosts with the most findings, most first (then by name). */
  readonly topHosts: readonly HostCount[];
  /** Distinct hosts (up to MAX_HOSTS counted; `hostsOverflowed` past that). */
  readonly hosts: number;
  readonly hostsOverflowed: boolean;
  /** Epoch seconds of the first and last finding with a time. */
  readonly firstTime: number | undefined;
  readonly lastTime: number | undefined;
}

export interface TriageSummary {
  /** Levels with findings, critical first. */
  readonly levels: readonly LevelSummary[];
  readonly findings: number;
  readonly firstTime: number | undefined;
  readonly lastTime: number | undefined;
  /** `--noisy-rules` rules that fired: counted here, not listed hit by hit. */
  readonly noisy: readonly RuleCount[];
}

/** Hosts counted per level; more are not told apart (a hostile log can name millions). */
const MAX_HOSTS = 10_000;

/** How many rules and hosts a summary names per level. */
export const SUMMARY_TOP = 5;

interface LevelTally {
  findings: number;
  readonly rules: Map<string, { name: string; id: string | undefined; count: number }>;
  readonly hosts: Map<string, number>;
  hostsOverflowed: boolean;
  firstTime: number | undefined;
  lastTime: number | undefined;
}

/** What a finding contributes: its rule, severity, host and time. */
export interface SummarisedFinding {
  readonly rule: {
    readonly name: string;
    readonly id: string | undefined;
    readonly level: Severity;
    readonly file: string;
  };
  readonly fields: SharedEvent;
  readonly time: number | undefined;
}

export class SummaryBuilder {
  private readonly levels = new Map<Severity, LevelTally>();
  private readonly noisy = new Map<
    string,
    { name: string; id: string | undefined; count: number }
  >();

  add(finding: SummarisedFinding, noisy = false): void {
    const { rule } = finding;
    const key = ruleKey(rule);
    if (noisy) {
      bump(this.noisy, key, rule);
      return;
    }
    let tally = this.levels.get(rule.level);
    if (tally === undefined) {
      tally = {
        findings: 0,
        rules: new Map(),
        hosts: new Map(),
        hostsOverflowed: false,
        firstTime: undefined,
        lastTime: undefined,
      };
      this.levels.set(rule.level, tally);
    }
    tally.findings++;
    bump(tally.rules, key, rule);
    const host = hostOf(finding.fields);
    if (host !== undefined) {
      const count = tally.hosts.get(host);
      if (count !== undefined) tally.hosts.set(host, count + 1);
      else if (tally.hosts.size < MAX_HOSTS) tally.hosts.set(host, 1);
      else tally.hostsOverflowed = true;
    }
    const time = finding.time;
    if (time !== undefined) {
      if (tally.firstTime === undefined || time < tally.firstTime) tally.firstTime = time;
      if (tally.lastTime === undefined || time > tally.lastTime) tally.lastTime = time;
    }
  }

  summary(top = SUMMARY_TOP): TriageSummary {
    const levels: LevelSummary[] = [];
    for (const level of [...SEVERITIES].sort((a, b) => severityRank(b) - severityRank(a))) {
      const tally = this.levels.get(level);
      if (tally === undefined) continue;
      levels.push({
        level,
        findings: tally.findings,
        rules: tally.rules.size,
        topRules: mostFirst([...tally.rules.values()], top),
        topHosts: [...tally.hosts]
          .map(([host, count]) => ({ host, count }))
          .sort((a, b) => b.count - a.count || a.host.localeCompare(b.host))
          .slice(0, top),
        hosts: tally.hosts.size,
        hostsOverflowed: tally.hostsOverflowed,
        firstTime: tally.firstTime,
        lastTime: tally.lastTime,
      });
    }
    const times = levels.flatMap((l) => [l.firstTime, l.lastTime]).filter(isNumber);
    return {
      levels,
      findings: levels.reduce((sum, l) => sum + l.findings, 0),
      firstTime: times.length === 0 ? undefined : Math.min(...times),
      lastTime: times.length === 0 ? undefined : Math.max(...times),
      noisy: mostFirst([...this.noisy.values()], Number.POSITIVE_INFINITY),
    };
  }
}

/**
 * A rule's key in the tallies, built once per rule object: a finding's rule is its detection's,
 * shared by all its findings, and one string per rule keeps its hash (a new string per finding
 * was built and hashed for nothing).
 */
function ruleKey(rule: SummarisedFinding['rule']): string {
  let key = ruleKeys.get(rule);
  if (key === undefined) {
    key = `${rule.file}\u0000${rule.id ?? ''}\u0000${rule.name}`;
    ruleKeys.set(rule, key);
  }
  return key;
}

const ruleKeys = new WeakMap<SummarisedFinding['rule'], string>();

function bump(
  counts: Map<string, { name: string; id: string | undefined; count: number }>,
  key: string,
  rule: { readonly name: string; readonly id: string | undefined },
): void {
  const entry = counts.get(key);
  if (entry !== undefined) entry.count++;
  else counts.set(key, { name: rule.name, id: rule.id, count: 1 });
}

function mostFirst(rules: readonly RuleCount[], top: number): RuleCount[] {
  return [...rules]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, top)
    .map(({ name, id, count }) => ({ name, id, count }));
}

/** The host a finding is about: the event's `host`, else `Computer`, else an ESCU row's `dest`. */
export function hostOf(fields: SharedEvent): string | undefined {
  for (const name of ['host', 'Computer', 'dest']) {
    const text = firstText(readField(fields, name));
    if (text !== undefined && text !== '') return text;
  }
  return undefined;
}

function firstText(value: MaybeValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : String(first);
}

function isNumber(value: number | undefined): value is number {
  return value !== undefined;
}
