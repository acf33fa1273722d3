// `search/jobs/export` (and v2): results streamed as the search produces them, never held: one
// JSON object per line (`{"preview":false,"offset":i,"result":{...}}`, the last with
// `"lastrow":true`), or CSV, or the `_raw` of each result (output_mode=raw). A client that
// disconnects cancels the search.
import type { Event } from '../../core/index.ts';
import { ColumnCollector, renderCsv } from '../../engine/index.ts';
import { TooManySearchesError } from '../search/search-job.ts';
import { searchRequest } from './job-routes.ts';
import type { RestHandler } from './rest-context.ts';
import { RestError } from './rest-errors.ts';
import { param } from './rest-request.ts';
import { jsonResult } from './results-format.ts';

export const exportResults: RestHandler = async (call, deps) => {
  const mode = param(call.params, 'output_mode') ?? 'json';
  if (mode !== 'json' && mode !== 'csv' && mode !== 'raw') {
    throw new RestError(
      400,
      `output_mode=${mode.slice(0, 20)} is not supported by export: json, csv or raw`,
    );
  }
  const request = searchRequest(call.params);
  const response = call.response;
  let offset = 0;
  let held: Event | undefined;
  const csvRows: Event[] = [];
  const writeRow = (row: Event, last: boolean) => {
    if (mode === 'json') {
      const line = {
        preview: false,
        offset,
        ...(last ? { lastrow: true } : {}),
        result: jsonResult(row),
      };
      response.write(`${JSON.stringify(line)}\n`);
    } else if (mode === 'raw') {
      const raw = row['_raw'];
      response.write(`${typeof raw === 'string' ? raw : JSON.stringify(jsonResult(row))}\n`);
    }
    offset++;
  };
  const forward = (rows: readonly Event[]) => {
    if (!response.headersSent) start();
    for (const row of rows) {
      if (mode === 'csv') {
        csvRows.push(row);
        continue;
      }
      if (held !== undefined) writeRow(held, false);
      held = row;
    }
  };
  const start = () =>
    response.writeHead(200, {
      'Content-Type':
        mode === 'json'
          ? 'application/json; charset=utf-8'
          : mode === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    });
  let job: ReturnType<typeof deps.jobs.create>;
  try {
    job = deps.jobs.create(request, call.user, undefined, forward);
  } catch (error) {
    if (error instanceof TooManySearchesError)
      throw new RestError(503, error.message, { headers: { 'Retry-After': '5' } });
    throw error;
  }
  const onClose = () => {
    if (!response.writableFinished) job.cancel();
  };
  response.on('close', onClose);
  try {
    await job.done;
  } finally {
    deps.jobs.delete(job.sid);
  }
  if (job.state === 'FAILED' && !response.headersSent) {
    throw new RestError(
      400,
      job.messages
        .filter((m) => m.type === 'ERROR')
        .map((m) => m.text)
        .join('\n'),
    );
  }
  if (!response.headersSent) start();
  if (held !== undefined) writeRow(held, true);
  if (mode === 'csv') {
    const columns = new ColumnCollector();
    columns.add(csvRows);
    response.write(renderCsv(columns.columns, csvRows));
  }
  if (mode === 'json' && job.messages.length > 0) {
    response.write(`${JSON.stringify({ preview: false, messages: job.messages })}\n`);
  }
  response.end();
};
