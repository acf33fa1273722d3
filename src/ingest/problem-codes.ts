// Stable codes for every input problem the readers report (docs/inputs.md lists them).

export const INGEST_CODES = {
  /** A path given on the command line does not exist. */
  pathNotFound: 'ING001',
  /** A file could not be opened or read (permissions, I/O error, a directory loop). */
  unreadable: 'ING002',
  /** The content matches no input format; `--input-format` can force one. */
  unknownFormat: 'ING003',
  /** The format was recognised but this build has no reader for it. */
  noReader: 'ING004',
  /** A compressed or archive container we do not open (zip, bzip2, xz, 7z). */
  unsupportedContainer: 'ING005',
  /** `--input-format` names one format and the content is plainly another. */
  formatMismatch: 'ING006',
  /** A FIFO, device, socket or /proc-/sys file named as an input: read only through `-`. */
  notAFile: 'ING008',
  /** Binary content (NUL bytes) in a text input: the rest of the file is not read. */
  binaryContent: 'ING009',

  xmlMalformed: 'ING101',
  xmlTruncated: 'ING102',
  xmlOutsideEvent: 'ING103',
  xmlTooLarge: 'ING104',
  xmlDoctype: 'ING105',
  xmlNotWindowsEvent: 'ING106',

  jsonInvalid: 'ING201',
  jsonNotObject: 'ING202',
  jsonSplunkMessage: 'ING204',
  jsonTooLarge: 'ING205',
  jsonTooDeep: 'ING206',
  jsonTruncated: 'ING207',
  /** Read, but a key was given twice in one object: the last value is kept (as JSON.parse does). */
  jsonDuplicateKey: 'ING208',
  /** Read, but a number no double holds (1e400, 2^64): kept as the text written. */
  jsonNumberAsText: 'ING209',

  csvMalformed: 'ING301',
  csvTooLarge: 'ING302',

  /** Read, but no timestamp was found: `_time` is 0. */
  missingTime: 'ING401',

  /** The gzip stream is corrupt or truncated: the events before that point are kept. */
  gzipCorrupt: 'ING501',
} as const;

/**
 * The longest record (one XML event, one JSON line or value, one CSV row) a reader accepts, in
 * UTF-16 code units. Windows caps an event at 64 KiB of binary XML; rendered it stays far below
 * this. Longer input is skipped and reported, so a file without separators cannot exhaust memory.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;
