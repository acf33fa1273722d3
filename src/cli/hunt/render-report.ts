// The hunt's readable report: detections ranked by risk with their findings, risk by entity, incidents, what did not run.
import path from 'node:path';
import { type Event, pushAll, writeField } from '../../core/index.ts';
import {
  ColumnCollector,
  type DetectionOutcome,
  type EventDetails,
  type Finding,
  fillDrilldowns,
  findingSource,
  formatTime,
  type HuntReport,
  type RiskIncident,
} from '../../engine/index.ts';
import { printable } from '../../ingest/index.ts';
import { renderTable } from '../output/table-writer.ts';
import { type DrilldownContext, drilldownCommand } from './drilldown-command.ts';
import { renderLeftOut, renderSummary } from './render-summary.ts';

export interface ReportOptions extends Omit<DrilldownContext, 'contentDir'> {
  /** Findings shown per detection (the rest are counted). */
  readonly rowsPerDetection: number;
  /** Distinct filled drilldowns shown per detection. */
  readonly drilldownsPerDetection: number;
  /** What a Sigma finding's Details column shows, per channel and event id. */
  readonly details: EventDetails;
}

/** Table cells longer than this are cut (JSON output has them whole). */
const MAX_CELL = 160;

/**
 * The report, written section by section (a hunt with every SigmaHQ rule has hundreds of
 * detections, each with a table): the text is `renderReport`'s, never built whole.
 */
export function writeReport(
  report: HuntReport,
  options: ReportOptions,
  sink: (text: string) => void,
): void {
  // The report is its lines joined by newlines, trailing whitespace trimmed, one newline after:
  // whitespace at the end of what is written so far waits until something else follows it.
  let held = '';
  let first = true;
  const section = (lines: readonly string[]) => {
    held += `${first ? '' : '\n'}${lines.join('\n')}`;
    first = false;
    let end = held.length;
    while (end > 0 && /\s/.test(held.charAt(end - 1))) end--;
    if (end > 0) {
      sink(held.slice(0, end));
      held = held.slice(end);
    }
  };
  section([headline(report), ...renderLeftOut(report), '']);
  const summary = renderSummary(report.summary);
  if (summary.length > 0) section([...summary, '']);
  for (const outcome of report.detections) section([...renderOutcome(outcome, options), '']);
  if (report.detections.length === 0) section(['No findings.', '']);
  section([...renderRisk(report), '']);
  if (report.notRun.length > 0) section([...renderNotRun(report), '']);
  sink(`${held.trimEnd()}\n`);
}

function headline(report: HuntReport): string {
  const { ran } = report;
  const parts = [`${count(ran.spl, 'detection')}`];
  if (ran.sigma > 0) parts.push(count(ran.sigma, 'Sigma rule'));
  const files = report.inputs?.files.length ?? 0;
  const found = report.detections.length;
  return `spelunk hunt: ${parts.join(' and ')} over ${count(files, 'input')} (${count(report.events, 'event')}) in ${(report.elapsedMs / 1000).toFixed(1)} s: ${found} found something, ${ran.quiet} found nothing`;
}

function renderOutcome(outcome: DetectionOutcome, options: ReportOptions): string[] {
  const { rule } = outcome;
  const attack = rule.techniques.length > 0 ? `  ${rule.techniques.join(', ')}` : '';
  const tactics = rule.tactics.length > 0 ? ` (${rule.tactics.join(', ')})` : '';
  const seen =
    outcome.firstTime === undefined || outcome.lastTime === undefined
      ? ''
      : `; ${formatTime(outcome.firstTime)} to ${formatTime(outcome.lastTime)}`;
  const lines = [
    `== ${rule.name}  [${rule.level}, ${rule.type}, risk ${outcome.riskTotal}]${attack}${tactics}`,
    `   ${count(outcome.findingCount, 'finding')}${seen}${rule.id === undefined ? '' : `; id ${rule.id}`}; ${rule.file}`,
  ];
  if (outcome.noisy) {
    lines.push('   noisy rule (--noisy-rules): counted, not listed, no risk');
    return lines;
  }
  const shown = outcome.findings.first(options.rowsPerDetection);
  const withRisk = rule.risk.entities.length > 0;
  const rows: Event[] = shown.map((f) => {
    const fields = rule.kind === 'sigma' ? sigmaRow(f, options.details) : withRecord(f);
    return withRisk ? { risk: f.riskScore, ...fields } : fields;
  });
  const columns = new ColumnCollector();
  columns.add(rows);
  const table = renderTable(columns.columns, rows.map(cutCells));
  pushAll(lines, indent(table.trimEnd().split('\n')));
  const hidden = outcome.findingCount - shown.length;
  if (hidden > 0)
    lines.push(
      `   ... and ${count(hidden, 'more finding')} (--format json or jsonl lists them all)`,
    );
  lines.push(...renderDrilldowns(outcome, options));
  return lines;
}

function renderDrilldowns(outcome: DetectionOutcome, options: ReportOptions): string[] {
  if (outcome.rule.drilldowns.length === 0 || options.drilldownsPerDetection === 0) return [];
  const commands = new Map<string, string>();
  for (const finding of outcome.findings) {
    for (const drilldown of fillDrilldowns(outcome, finding)) {
      const command = drilldownCommand(drilldown, {
        ...options,
        contentDir: outcome.rule.contentDir,
      });
      if (!commands.has(command)) commands.set(command, drilldown.name);
    }
    if (commands.size >= options.drilldownsPerDetection) break;
  }
  const lines = ['   drilldowns:'];
  for (const [command, name] of [...commands].slice(0, options.drilldownsPerDetection)) {
    lines.push(`     ${printable(name)}`, `       ${printable(command)}`);
  }
  return lines;
}

function renderRisk(report: HuntReport): string[] {
  const { risk } = report;
  const lines = [`== Risk by entity (${count(risk.events, 'risk event')})`];
  if (risk.totals.length === 0) return [...lines, '   No risk events.'];
  const rows: Event[] = risk.totals.map((t) => ({
    risk_object: scoped(t.riskObject, t.scope),
    risk_object_type: t.riskObjectType,
    total: t.total,
    risk_events: t.count,
    detections: t.searchNames.length,
    first: t.firstTime === undefined ? '-' : formatTime(t.firstTime),
    last: t.lastTime === undefined ? '-' : formatTime(t.lastTime),
  }));
  const columns = new ColumnCollector();
  columns.add(rows);
  pushAll(lines, indent(renderTable(columns.columns, rows.map(cutCells)).trimEnd().split('\n')));
  const hours = risk.options.windowSeconds / 3600;
  lines.push(
    '',
    `== Risk incidents (risk over ${risk.options.threshold} within ${Number.isInteger(hours) ? `${hours} h` : `${risk.options.windowSeconds} s`}): ${risk.incidents.length}`,
  );
  for (const incident of risk.incidents) pushAll(lines, renderIncident(incident));
  return lines;
}

function renderIncident(incident: RiskIncident): string[] {
  const lines = [
    `   ${printable(scoped(incident.riskObject, incident.scope))} (${incident.riskObjectType}): risk ${incident.peakTotal} from ${formatTime(incident.start)} to ${formatTime(incident.end)}, ${count(incident.contributionCount, 'risk event')} from ${count(incident.searchNames.length, 'detection')}`,
  ];
  for (const c of incident.contributions.slice(0, 20)) {
    lines.push(
      `     +${c.score}  ${formatTime(c.time)}  ${printable(c.searchName)}: ${printable(cut(c.message))}${c.repeats > 1 ? ` (x${c.repeats} within the window, counted once)` : ''}`,
    );
  }
  if (incident.contributionCount > 20) {
    lines.push(`     ... and ${incident.contributionCount - 20} more`);
  }
  return lines;
}

function renderNotRun(report: HuntReport): string[] {
  const byReason = new Map<string, string[]>();
  for (const { name, reason } of report.notRun)
    byReason.set(reason, [...(byReason.get(reason) ?? []), name]);
  const lines = [`== Not run: ${count(report.notRun.length, 'detection')}`];
  for (const [reason, names] of [...byReason].sort((a, b) => b[1].length - a[1].length)) {
    const some = names.slice(0, 3).join('; ');
    lines.push(
      `   ${names.length} x ${printable(reason)}: ${printable(some)}${names.length > 3 ? '; ...' : ''}`,
    );
  }
  return lines;
}

/**
 * A Sigma finding is a whole event: its time, host, event id, the details its kind calls for
 * (the details table) and the record it is.
 */
function sigmaRow(finding: Finding, details: EventDetails): Event {
  const { fields } = finding;
  const row: Event = {};
  for (const name of ['_time', 'host', 'EventID']) {
    const value = fields[name];
    if (value !== undefined) row[name] = value;
  }
  row['Details'] = details.detailsOf(fields);
  return { ...row, ...recordOf(finding) };
}

/** An SPL row that is an event names its record; an aggregated one does not. */
function withRecord(finding: Finding): Event {
  return { ...finding.fields, ...recordOf(finding) };
}

/** `record`: `file #EventRecordID`, or `file:line` for a text input. */
function recordOf(finding: Finding): Event {
  const source = findingSource(finding);
  if (source.file === undefined) return {};
  const name = path.basename(source.file);
  if (source.recordId !== undefined) return { record: `${name} #${source.recordId}` };
  return { record: source.line === undefined ? name : `${name}:${source.line}` };
}

function cutCells(row: Event): Event {
  const out: Event = {};
  for (const [name, value] of Object.entries(row)) {
    writeField(out, name, typeof value === 'string' ? printable(cut(value)) : value);
  }
  return out;
}

function cut(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `   ${line}`);
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** A generic account's risk object with the host it is kept apart for. */
function scoped(riskObject: string, scope: string | undefined): string {
  return scope === undefined ? riskObject : `${riskObject} (on ${scope})`;
}
