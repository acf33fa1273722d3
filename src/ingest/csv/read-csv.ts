// Reader for CSV with a header row (Splunk's CSV export, spreadsheets of events), via csv-parse.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Event, EventSource } from '../../core/event.ts';
import type { Scalar } from '../../core/value.ts';
import type { ByteInput } from '../input/byte-input.ts';
import { type FlatRecordContext, flatRecordToEvent } from '../model/flat-record.ts';
import { addFieldValue } from '../model/set-field.ts';
import { INGEST_CODES, MAX_RECORD_CHARS } from '../problem-codes.ts';
import type { ReadOptions } from '../read-options.ts';
import { decodeText } from '../text/decode-text.ts';
import { addRawWindowsXmlFields } from '../xml/raw-windows-xml.ts';

const BATCH_SIZE = 1000;

interface ParsedRow {
  readonly record: Record<string, string | string[]>;
  readonly raw: string;
  readonly info: { readonly lines: number };
}

/**
 * Rows become flat records: an empty cell is an absent field (as in Splunk), columns sharing a
 * name make a multivalue field, a `_raw` column holding a Windows <Event> adds that event's
 * fields. Rows with the wrong number of cells are skipped and reported with their line.
 */
export async function* readCsv(input: ByteInput, options: ReadOptions): EventSource {
  let current: ParsedRow | undefined;
  let tooLarge = false;
  const report = (code: string, line: number, message: string, kind: 'skipped' | 'damaged') =>
    options.onProblem({ code, path: input.path, location: `line ${line}`, message, kind });
  const context: FlatRecordContext = {
    options,
    path: input.path,
    defaultSourcetype: 'csv',
    rawText: () => (current?.raw ?? '').replace(/\r?\n$/, ''),
    missingTime: () =>
      report(
        INGEST_CODES.missingTime,
        current?.info.lines ?? 0,
        'no time column: _time is 0',
        'damaged',
      ),
  };
  const parser = parse({
    columns: (header: string[]) => header.map((name, i) => (name === '' ? `column${i + 1}` : name)),
    group_columns_by_name: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
    raw: true,
    on_skip: (error) => {
      if (error === undefined) return undefined;
      // csv-parse cannot resynchronise after an over-long row: it skips everything after it.
      if (error.code === 'CSV_MAX_RECORD_SIZE') {
        if (!tooLarge) {
          const message = `row longer than ${MAX_RECORD_CHARS} characters; the rest of the file is not read`;
          report(INGEST_CODES.csvTooLarge, lineOf(error), message, 'skipped');
        }
        tooLarge = true;
      } else {
        report(INGEST_CODES.csvMalformed, lineOf(error), error.message, 'skipped');
      }
      return undefined;
    },
  });
  const source = Readable.from(decodeText(input));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let batch: Event[] = [];
  try {
    for await (const row of parser as AsyncIterable<ParsedRow>) {
      current = row;
      batch.push(flatRecordToEvent(rowFields(row.record), 'flat', context));
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
        if (options.signal?.aborted) return;
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    report(
      INGEST_CODES.csvMalformed,
      lineOf(error),
      `${error.message}; the rest of the file is not read`,
      'skipped',
    );
  } finally {
    source.destroy();
  }
  if (batch.length > 0) yield batch;
}

function rowFields(record: Record<string, string | string[]>): Event {
  const event: Event = {};
  for (const name of Object.keys(record)) {
    const cell = record[name];
    for (const value of Array.isArray(cell) ? cell : [cell]) {
      if (value !== undefined && value !== '') addFieldValue(event, name, value as Scalar);
    }
  }
  const raw = event['_raw'];
  if (typeof raw === 'string') addRawWindowsXmlFields(event, raw);
  return event;
}

function lineOf(error: CsvError): number {
  const lines = error['lines'];
  return typeof lines === 'number' ? lines : 0;
}
