// The HTML report's findings: each kept finding reduced to its rule, time, risk, host and a few
// key fields, each value bounded, names and values interned once in a string table. Read from the
// report's finding lists (the hunt's spool) as a generator, so no list of rows is ever held.

import type { Event } from '../../../core/index.ts';
import type { Finding, HuntReport } from '../../../engine/index.ts';
import { scalarToString } from '../../../spl/index.ts';
import type { ReportFinding } from './report-model.ts';

/** A field value is cut here (a CommandLine can be 32 KB); the cut is marked with `…`. */
export const MAX_VALUE_CHARS = 400;
/** Key fields kept per finding. */
export const MAX_FIELDS = 10;

/** Fields a reader wants first, in this order; then the search's own fields in its order. */
const KEY_FIELDS = [
  'host',
  'dest',
  'Computer',
  'user',
  'User',
  'SubjectUserName',
  'TargetUserName',
  'Image',
  'process_name',
  'CommandLine',
  'process',
  'ParentImage',
  'ParentCommandLine',
  'TargetFilename',
  'TargetObject',
  'ImageLoaded',
  'QueryName',
  'DestinationHostname',
  'DestinationIp',
  'DestinationPort',
  'TaskName',
  'ServiceName',
  'RiskScore',
];
const HOST_FIELDS = ['host', 'dest', 'Computer', 'dvc'];

/** The text cut to MAX_VALUE_CHARS characters, the cut marked with `…`. */
export function boundedText(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

function text(value: Event[string]): string | undefined {
  if (value === undefined || value === null) return undefined;
  return boundedText((Array.isArray(value) ? value : [value]).map(scalarToString).join('\n'));
}

/** Strings kept once, referred to by index. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

function keyFields(finding: Finding, strings: StringTable): number[] {
  const fields = finding.fields as Event;
  const names = [
    ...KEY_FIELDS.filter((f) => fields[f] !== undefined),
    ...Object.keys(fields).filter((f) => !f.startsWith('_') && !KEY_FIELDS.includes(f)),
  ].slice(0, MAX_FIELDS);
  return names.flatMap((name) => {
    const value = text(fields[name]);
    return value === undefined ? [] : [strings.of(name), strings.of(value)];
  });
}

/**
 * The kept findings of every detection, in the report's order (detections ranked, each one's
 * findings highest risk first), their strings interned in `strings` as they are read. Reading
 * them twice with one table gives the same rows, the second time without adding a string.
 */
export function* reportFindings(
  report: HuntReport,
  strings: StringTable,
): Generator<ReportFinding> {
  for (const [ruleIndex, outcome] of report.detections.entries()) {
    for (const finding of outcome.findings) {
      const fields = finding.fields as Event;
      const host = HOST_FIELDS.map((f) => text(fields[f])).find((h) => h !== undefined && h !== '');
      const h = host === undefined ? -1 : strings.of(host);
      yield [ruleIndex, finding.time ?? null, finding.riskScore, h, keyFields(finding, strings)];
    }
  }
}
