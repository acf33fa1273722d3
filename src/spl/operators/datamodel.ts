// `| datamodel <model> <dataset> search|flat` and `| from datamodel:<model>.<dataset>`: a dataset's events (Search Reference, datamodel and from).
import type { Event, Span } from '../../core/index.ts';
import type { DatamodelCommand, FromCommand } from '../ast/command.ts';
import {
  commandError,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { defineStage, headerOf } from './stage-kit.ts';
import { TstatsCode } from './tstats-codes.ts';
import type { DatasetNaming } from './tstats-data-model.ts';
import { resolveDataset } from './tstats-dataset.ts';

/**
 * `search` gives the dataset's fields prefixed (`Processes.process_name`), `flat` without the
 * prefix. Without a mode Splunk returns the model's JSON description, and
 * `acceleration_search_string` the search that builds its summaries: spelunk has neither.
 */
export function compileDatamodel(
  command: DatamodelCommand,
  context: StageCompileContext,
): StageResult {
  const mode = command.mode?.value.toLowerCase();
  if (command.model === undefined || command.dataset === undefined || mode === undefined) {
    return [
      commandError(
        context,
        TstatsCode.unsupportedMode,
        'datamodel without "<model> <dataset> search" describes data models as JSON, which spelunk does not produce',
        command.nameSpan,
        ['| datamodel Endpoint Processes search (prefixed fields) or ... flat (plain names)'],
      ),
    ];
  }
  if (mode !== 'search' && mode !== 'flat') {
    return [
      commandError(
        context,
        TstatsCode.unsupportedMode,
        `datamodel mode "${command.mode?.value}" is not supported: use search or flat`,
        command.mode?.span ?? command.nameSpan,
      ),
    ];
  }
  const reference = `${command.model.value}.${command.dataset.value}`;
  const span = { start: command.model.span.start, end: command.dataset.span.end };
  return datasetEvents(command, context, reference, span, mode === 'search' ? 'prefixed' : 'plain');
}

/** `from datamodel:Web.Web` / `from datamodel Web.Web`: the events with plain field names. */
export function compileFromDatamodel(
  command: FromCommand,
  context: StageCompileContext,
): StageResult {
  return datasetEvents(command, context, command.dataset.value, command.dataset.span, 'plain');
}

/**
 * Every event of the dataset, in input order, as a new row: the dataset's fields (each computed
 * as the data model defines it) with `_time`, `host`, `source`, `sourcetype`, `index`, and
 * `_raw` when the event has it. Fields the data model does not define are not carried (Splunk's
 * default `strict_fields=true`).
 */
function datasetEvents(
  command: DatamodelCommand | FromCommand,
  context: StageCompileContext,
  reference: string,
  span: Span,
  naming: DatasetNaming,
): StageResult {
  const dataset = resolveDataset(context, command, reference, span);
  if (failed(dataset)) return dataset;
  const projection = dataset.project('all', naming);
  const stage = defineStage(
    {
      ...headerOf(command),
      needs: (downstream) =>
        downstream === 'all' || downstream.has('_raw')
          ? unionNeed(projection.reads, ['_raw'])
          : projection.reads,
    },
    'fresh',
    () => ({
      push(events, emit) {
        const out: Event[] = [];
        for (const event of events) {
          const row = projection.project(event);
          if (row === undefined) continue;
          const raw = event['_raw'];
          if (raw !== undefined) row['_raw'] = raw;
          out.push(row);
        }
        emit(out);
      },
      finish() {},
    }),
    { streaming: true },
  );
  return { ...stage, route: projection.route };
}
