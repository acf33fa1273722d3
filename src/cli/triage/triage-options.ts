// The triage options `hunt` and `timeline` share: what runs (`--min-level`, `--rule-status`,
// `--exclude-rules`, `--noisy-rules`), over which time (`--start`, `--end`), and whether broken
// rules stop the run (`--keep-going`).
import { readFileSync } from 'node:fs';
import { Option } from 'commander';
import {
  DEFAULT_RULE_STATUSES,
  type EventTimeRange,
  parseSeverity,
  type RuleTriageOptions,
  SEVERITIES,
} from '../../engine/index.ts';
import { parseTimeOption } from './time-option.ts';

export interface TriageCliOptions {
  readonly minLevel?: string;
  readonly start?: string;
  readonly end?: string;
  readonly ruleStatus?: string;
  readonly excludeRules?: string;
  readonly noisyRules?: string;
  readonly keepGoing?: boolean;
  readonly details?: string;
}

const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported', 'none'];

export function triageOptions(): Option[] {
  return [
    new Option(
      '--min-level <level>',
      `run only rules and detections of this level or above: ${SEVERITIES.join(', ')} (ESCU detections by risk score: 0-20 informational, 21-40 low, 41-60 medium, 61-80 high, 81-100 critical)`,
    ),
    new Option(
      '--start <time>',
      'read only events at or after this time: ISO 8601 (2019-05-18T17:16:00Z; UTC without a zone), epoch seconds, or a Splunk time (-7d@d, 05/18/2019:17:16:00)',
    ),
    new Option('--end <time>', 'read only events before this time (as --start)'),
    new Option(
      '--rule-status <statuses>',
      `Sigma statuses that run from folders, comma-separated (${STATUSES.join(', ')}) or all; default ${DEFAULT_RULE_STATUSES.join(',')}. A rule file named on the command line always runs`,
    ),
    new Option(
      '--exclude-rules <file>',
      'a file of rule/detection ids or titles, one per line (# comments): they never run',
    ),
    new Option(
      '--noisy-rules <file>',
      'a file of rule/detection ids or titles that fire too often: counted in the summary, not listed, no risk',
    ),
    new Option(
      '--keep-going',
      'run the rules and detections that loaded even when others are broken (default: report them and exit 1)',
    ),
    new Option(
      '--details <file>',
      'the details table (channel and event id → fields shown in Details) instead of the built-in one',
    ),
  ];
}

export interface ParsedTriage {
  readonly triage: RuleTriageOptions;
  readonly timeRange: EventTimeRange | undefined;
}

/**
 * The options' values, or the problem: `usage` for a value that is not one (exit 2), `input`
 * for a list file that cannot be read (exit 1).
 */
export function parseTriageOptions(
  options: TriageCliOptions,
  now: number = Date.now() / 1000,
): ParsedTriage | { readonly message: string; readonly kind: 'usage' | 'input' } {
  let minLevel: RuleTriageOptions['minLevel'];
  if (options.minLevel !== undefined) {
    minLevel = parseSeverity(options.minLevel);
    if (minLevel === undefined) {
      return {
        kind: 'usage',
        message: `--min-level must be one of ${SEVERITIES.join(', ')}, not "${options.minLevel}"`,
      };
    }
  }
  let statuses: RuleTriageOptions['statuses'];
  if (options.ruleStatus !== undefined) {
    const list = options.ruleStatus.split(',').map((s) => s.trim().toLowerCase());
    const unknown = list.filter((s) => s !== 'all' && !STATUSES.includes(s));
    if (unknown.length > 0 || list.every((s) => s === '')) {
      return {
        kind: 'usage',
        message: `--rule-status takes all, or statuses among ${STATUSES.join(', ')}, not "${options.ruleStatus}"`,
      };
    }
    statuses = list.includes('all') ? 'all' : list;
  }
  const range: { earliest?: number; latest?: number } = {};
  for (const [option, text, side] of [
    ['--start', options.start, 'earliest'],
    ['--end', options.end, 'latest'],
  ] as const) {
    if (text === undefined) continue;
    const time = parseTimeOption(text, now);
    if (typeof time !== 'number') return { kind: 'usage', message: `${option}: ${time.message}` };
    range[side] = time;
  }
  if (
    range.earliest !== undefined &&
    range.latest !== undefined &&
    range.latest <= range.earliest
  ) {
    return { kind: 'usage', message: '--end must be later than --start' };
  }
  const lists: { exclude?: string[]; noisy?: string[] } = {};
  for (const [option, file, key] of [
    ['--exclude-rules', options.excludeRules, 'exclude'],
    ['--noisy-rules', options.noisyRules, 'noisy'],
  ] as const) {
    if (file === undefined) continue;
    const names = readRuleList(file);
    if (!Array.isArray(names))
      return { kind: 'input', message: `${option} ${file}: ${names.message}` };
    lists[key] = names;
  }
  return {
    triage: {
      ...(minLevel === undefined ? {} : { minLevel }),
      ...(statuses === undefined ? {} : { statuses }),
      ...lists,
    },
    timeRange: range.earliest === undefined && range.latest === undefined ? undefined : range,
  };
}

/**
 * One id or title per line; blank lines and `#` comments are skipped, and a trailing ` # ...`
 * (Hayabusa's lists write `<id> # <title>`) is a comment too.
 */
export function readRuleList(file: string): string[] | { readonly message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return { message: code === 'ENOENT' ? 'no such file or directory' : (cause as Error).message };
  }
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\uFEFF/, '')
        .replace(/(^|\s)#.*$/, '')
        .trim(),
    )
    .filter((line) => line !== '');
}
