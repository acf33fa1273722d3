// `hunt --html FILE`: the report written beside whatever -f prints, as a stream: the page around
// the data, and the data's JSON in chunks as the findings are read back from the hunt's spool.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { HuntReport } from '../../../engine/index.ts';
import { htmlPage } from './render-html.ts';
import { reportParts } from './report-data.ts';
import { writeReportJson } from './report-json-stream.ts';

export interface HtmlReportOptions {
  /** The report's generated time (default: now). */
  readonly now?: Date;
  /** Where the page script and style are (default: the built UI's). */
  readonly assetsDir?: string;
}

/** Writes the report and returns its size in bytes. */
export function writeHtmlReport(
  file: string,
  report: HuntReport,
  inputs: readonly string[],
  options: HtmlReportOptions = {},
): number {
  const parts = reportParts(report, inputs, options.now ?? new Date());
  const page = htmlPage(parts.head.title, parts.head.generated, options.assetsDir);
  const fd = openSync(file, 'w');
  let bytes = 0;
  const write = (text: string) => {
    const data = Buffer.from(text, 'utf8');
    let at = 0;
    while (at < data.length) at += writeSync(fd, data, at);
    bytes += data.length;
  };
  try {
    write(page.before);
    writeReportJson(parts, write);
    write(page.after);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
