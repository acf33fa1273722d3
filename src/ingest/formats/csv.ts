// CSV with a header row.
import { readCsv } from '../csv/read-csv.ts';
import type { InputFormat } from './input-format.ts';

/** A header line: at least two comma-separated names, no markup. */
const HEADER = /^[^\n<{[]*,[^\n]*(?:\r?\n|$)/;

export const csvFormat: InputFormat = {
  name: 'csv',
  description: 'CSV with a header row',
  extensions: ['.csv'],
  sniff: ({ text }) => HEADER.test(text.trimStart()),
  read: readCsv,
};
