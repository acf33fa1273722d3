// Writes timeline rows as they come out of the sort: CSV for Timeline Explorer and Timesketch,
// JSON lines, or a table for a terminal. Nothing is held: columns are fixed.
import path from 'node:path';
import { quoteCsv, type TimelineRow } from '../../engine/index.ts';
import { printable } from '../../ingest/index.ts';
import type { TextSink } from '../output/index.ts';

export const TIMELINE_FORMATS = ['csv', 'jsonl', 'table'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

/**
 * The columns, Hayabusa's names for what Hayabusa shows; `datetime`, `timestamp_desc` and
 * `message` are the three Timesketch requires of a CSV or JSON lines import.
 */
export const TIMELINE_COLUMNS = [
  'Timestamp',
  'Computer',
  'Channel',
  'EventID',
  'Level',
  'RuleTitle',
  'RuleID',
  'RuleType',
  'Details',
  'MitreTactics',
  'MitreTechniques',
  'RecordID',
  'File',
  'Line',
  'datetime',
  'timestamp_desc',
  'message',
] as const;
type TimelineColumn = (typeof TIMELINE_COLUMNS)[number];

export interface TimelineWriter {
  write(row: TimelineRow): void;
  end(): void;
}

export function createTimelineWriter(format: TimelineFormat, sink: TextSink): TimelineWriter {
  switch (format) {
    case 'csv':
      sink(`${TIMELINE_COLUMNS.join(',')}\r\n`);
      return {
        write: (row) => {
          const cells = timelineCells(row);
          sink(`${TIMELINE_COLUMNS.map((c) => quoteCsv(inert(cells[c]))).join(',')}\r\n`);
        },
        end() {},
      };
    case 'jsonl':
      return {
        write: (row) => {
          const cells: Record<string, string | number | null> = { ...timelineCells(row) };
          cells['Line'] = row.line ?? null;
          cells['timestamp'] = row.time === undefined ? null : Math.round(row.time * 1e6);
          sink(`${JSON.stringify(cells)}\n`);
        },
        end() {},
      };
    case 'table':
      return tableWriter(sink);
  }
}

/** Every column as text. Times are UTC: `2019-05-18 17:16:16.176` and ISO 8601 for `datetime`. */
export function timelineCells(row: TimelineRow): Record<TimelineColumn, string> {
  const iso = row.time === undefined ? '' : isoTime(row.time);
  return {
    Timestamp: iso === '' ? '' : `${iso.slice(0, 10)} ${iso.slice(11, 23)}`,
    Computer: row.computer,
    Channel: row.channel,
    EventID: row.eventId,
    Level: row.level,
    RuleTitle: row.ruleTitle,
    RuleID: row.ruleId,
    RuleType: row.ruleType,
    Details: row.details,
    MitreTactics: row.tactics.join(', '),
    MitreTechniques: row.techniques.join(', '),
    RecordID: row.recordId,
    File: row.file,
    Line: row.line === undefined ? '' : String(row.line),
    datetime: iso,
    timestamp_desc: 'Event Time',
    message: `[${row.level}] ${row.ruleTitle}${row.details === '' ? '' : ` ¦ ${row.details}`}`,
  };
}

/** `2019-05-18T17:16:16.176+00:00`; microseconds kept as the readers keep them, then cut. */
function isoTime(seconds: number): string {
  const date = new Date(Math.floor(seconds * 1000));
  return Number.isNaN(date.getTime()) ? '' : `${date.toISOString().slice(0, 23)}+00:00`;
}

/**
 * Event values are attacker-controlled: a cell that starts like a formula (`=`, `+`, `-`, `@`, a
 * tab or a carriage return) would run as one in a spreadsheet, so it gets a leading `'`
 * (OWASP, CSV injection).
 */
function inert(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Column widths of the table; longer cells are cut. */
const TABLE_WIDTHS: readonly [TimelineColumn | 'Record', number][] = [
  ['Timestamp', 23],
  ['Computer', 20],
  ['EventID', 7],
  ['Level', 13],
  ['RuleTitle', 48],
  ['Details', 90],
  ['Record', 40],
];

function tableWriter(sink: TextSink): TimelineWriter {
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => fit(cell, TABLE_WIDTHS[i]?.[1] ?? 0))
      .join('  ')
      .trimEnd();
  let rows = 0;
  sink(`${line(TABLE_WIDTHS.map(([name]) => name))}\n`);
  sink(`${line(TABLE_WIDTHS.map(([, width]) => '-'.repeat(width)))}\n`);
  return {
    write(row) {
      rows++;
      const cells = timelineCells(row);
      const file = row.file === '' ? '' : path.basename(row.file);
      const record =
        row.recordId !== ''
          ? `${file} #${row.recordId}`
          : row.line !== undefined
            ? `${file}:${row.line}`
            : row.file;
      sink(
        `${line([cells.Timestamp, cells.Computer, cells.EventID, cells.Level, cells.RuleTitle, cells.Details, record].map((c) => printable(c)))}\n`,
      );
    },
    end() {
      if (rows === 0) sink('No findings.\n');
    },
  };
}

function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}
