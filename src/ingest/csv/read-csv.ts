// Reader for CSV with a header row (Splunk's CSV export, spreadsheets of events), via csv-parse.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Event, EventSource } from '../../core/index.ts';
import type { ByteInput } from '../input/byte-input.ts';
import { addFieldValue } from '../model/add-field-value.ts';
import { type FlatRecordContext, flatRecordToEvent } from '../model/flat-record.ts';
import { UntimedRecords } from '../model/untimed-records.ts';
import { INGEST_CODES, MAX_RECORD_CHARS } from '../problem-codes.ts';
import type { ReadOptions } from '../read-options.ts';
import { decodeText, textBytes } from '../text/decode-text.ts';
import { addRawWindowsXmlFields } from '../xml/raw-windows-xml.ts';

const BATCH_SIZE = 1000;
/**
 * Malformed rows one file may have before the rest of it is not read: csv-parse builds an error
 * object per bad row at a cost of about a millisecond, so a garbage file of a few megabytes
 * would otherwise take hours (found by the fuzz suite).
 */
const MAX_MALFORMED_ROWS = 1000;

/**
 * Rows become flat records: an empty cell is an absent field (as in Splunk), columns sharing a
 * name make a multivalue field, a `_raw` column holding a Windows <Event> adds that event's
 * fields. Rows with the wrong number of cells are skipped and reported with their line.
 *
 * csv-parse gets the bytes (no decode and re-encode) and returns plain arrays: its per-record
 * `info` objects and column objects cost more than the parsing (bench `ingest`), so the record is
 * built here.
 */
export async function* readCsv(input: ByteInput, options: ReadOptions): EventSource {
  let header: string[] | undefined;
  let raw = '';
  /**
   * Provenance: the line the next row starts on, counted from the rows' own line breaks (per-row
   * line numbers from csv-parse cost as much as the parsing); a skipped row puts it right.
   */
  let line = 1;
  let tooLarge = false;
  let malformed = 0;
  let gaveUp = false;
  const lineOf = (error: CsvError) => csvLine(error) + (input.skipped?.lines ?? 0);
  const report = (code: string, location: string, message: string, kind: 'skipped' | 'damaged') =>
    options.onProblem({ code, path: input.path, location, message, kind });
  const context: FlatRecordContext = {
    options,
    path: input.path,
    defaultSourcetype: 'csv',
    rawText: () => raw.replace(/\r?\n$/, ''),
    untimed: new UntimedRecords(input.path),
  };
  const parser = parse({
    bom: true,
    ...(input.encoding === 'utf-16le' ? { encoding: 'utf16le' as const } : {}),
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    raw: options.needRaw,
    on_skip: (error) => {
      if (error === undefined) return undefined;
      line = lineOf(error) + 1;
      // csv-parse cannot resynchronise after an over-long row: it skips everything after it.
      if (error.code === 'CSV_MAX_RECORD_SIZE') {
        if (!tooLarge) {
          const message = `row longer than ${MAX_RECORD_CHARS} characters; the rest of the file is not read`;
          report(INGEST_CODES.csvTooLarge, `line ${lineOf(error)}`, message, 'skipped');
        }
        tooLarge = true;
      } else if (++malformed <= MAX_MALFORMED_ROWS) {
        report(INGEST_CODES.csvMalformed, `line ${lineOf(error)}`, error.message, 'skipped');
      } else if (!gaveUp) {
        gaveUp = true;
        const message = `more than ${MAX_MALFORMED_ROWS} malformed rows: the rest of the file is not read`;
        report(INGEST_CODES.csvMalformed, `line ${lineOf(error)}`, message, 'skipped');
        source.unpipe(parser);
        parser.end();
      }
      return undefined;
    },
  });
  const source = Readable.from(
    input.encoding === 'utf-16be' ? decodeText(input) : textBytes(input),
  );
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let batch: Event[] = [];
  let failure: { readonly error: unknown } | undefined;
  try {
    for await (const parsed of parser as AsyncIterable<
      string[] | { record: string[]; raw: string }
    >) {
      const cells = Array.isArray(parsed) ? parsed : parsed.record;
      const startLine = line;
      line += 1 + lineBreaks(cells);
      if (header === undefined) {
        header = cells.map((name, i) => (name === '' ? `column${i + 1}` : name));
        continue;
      }
      raw = Array.isArray(parsed) ? '' : parsed.raw;
      const event = flatRecordToEvent(rowFields(header, cells), 'flat', context);
      event['_line'] = startLine;
      batch.push(event);
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
        if (options.signal?.aborted) return;
      }
    }
  } catch (error) {
    // A read that breaks (I/O error, binary content) still hands on the rows read before it.
    if (!(error instanceof CsvError)) failure = { error };
    else {
      const message = `${error.message}; the rest of the file is not read`;
      report(INGEST_CODES.csvMalformed, `line ${lineOf(error)}`, message, 'skipped');
    }
  } finally {
    source.destroy();
  }
  if (batch.length > 0) yield batch;
  if (failure !== undefined) throw failure.error;
}

function rowFields(header: readonly string[], cells: readonly string[]): Event {
  const event: Event = {};
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (value !== undefined && value !== '')
      addFieldValue(event, header[i] ?? `column${i + 1}`, value);
  }
  const raw = event['_raw'];
  if (typeof raw === 'string') addRawWindowsXmlFields(event, raw);
  return event;
}

function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count++;
  }
  return count;
}

function csvLine(error: CsvError): number {
  const lines = error['lines'];
  return typeof lines === 'number' ? lines : 0;
}
