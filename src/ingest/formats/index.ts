// The input formats: sniffed in this order (binary magic first, CSV, the loosest, last).
import { csvFormat } from './csv.ts';
import { evtxFormat } from './evtx.ts';
import type { InputFormat, InputFormatName } from './input-format.ts';
import { jsonlFormat } from './jsonl.ts';
import { xmlFormat } from './xml.ts';

export const INPUT_FORMATS: readonly InputFormat[] = [
  evtxFormat,
  xmlFormat,
  jsonlFormat,
  csvFormat,
];

export const INPUT_FORMAT_NAMES: readonly InputFormatName[] = INPUT_FORMATS.map((f) => f.name);

export function inputFormat(name: InputFormatName): InputFormat {
  const format = INPUT_FORMATS.find((f) => f.name === name);
  if (format === undefined) throw new Error(`no input format ${name}`);
  return format;
}
