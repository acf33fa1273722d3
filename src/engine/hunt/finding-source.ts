// Where a finding came from: the input file and the record in it (EVTX record id, or the line of
// a text input), as the readers stamp every event (`_file`, `_line`, `EventRecordID`).
import { type MaybeValue, readField, type SharedEvent } from '../../core/index.ts';
import type { Finding } from './finding.ts';

export interface FindingSource {
  /** The input file of the event it is (or of a correlation's latest event). */
  readonly file: string | undefined;
  /** The event's EventRecordID (EVTX, and Windows events rendered as XML or JSON). */
  readonly recordId: string | undefined;
  /** The line its record starts on, in a text input (XML, JSON lines, CSV). */
  readonly line: number | undefined;
  /**
   * A result row that aggregates events (`stats`, `tstats`) is no one record: the files its
   * search read, in the order first read.
   */
  readonly files: readonly string[];
}

export function findingSource(finding: Finding): FindingSource {
  const event: SharedEvent = finding.events?.at(-1) ?? finding.fields;
  const file = text(readField(event, '_file'));
  const line = readField(event, '_line');
  return {
    file,
    recordId: text(readField(event, 'EventRecordID')),
    line: typeof line === 'number' ? line : undefined,
    files: file === undefined ? (finding.inputs ?? []) : [file],
  };
}

function text(value: MaybeValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : String(first);
}
