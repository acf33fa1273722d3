// `| tstats ... FROM datamodel=X.Y [WHERE ...] [BY ... span=]`: statistics over a data model computed from raw events (Search Reference, tstats).
import {
  type Diagnostic,
  type Event,
  readField,
  type Scalar,
  writeField,
} from '../../core/index.ts';
import type { TstatsCommand } from '../ast/command.ts';
import { type Aggregations, compileAggregations, type GroupState } from './aggregations.ts';
import {
  commandError,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { compareGroupValues } from './group-keys.ts';
import type { Stage } from './operator.ts';
import { withoutMatchAll } from './search.ts';
import { defineStage, headerOf } from './stage-kit.ts';
import { appendedTstats } from './tstats-append.ts';
import { TstatsCode } from './tstats-codes.ts';
import { resolveDataset, splitNodename } from './tstats-dataset.ts';
import { unknownFieldWarnings } from './tstats-fields.ts';
import { compileGroupKeys, type GroupKeys } from './tstats-groups.ts';
import { compileRowSource, type RowSource } from './tstats-rows.ts';
import { findRawTerm } from './tstats-where.ts';

/**
 * resolve the dataset (FROM, then `nodename=`) → compile WHERE over the dataset's rows → compile
 * the aggregations and BY → the projection computing only the fields these read → the stage.
 *
 * Each event pushed in is projected onto the dataset (dropped when it does not belong to it),
 * filtered by WHERE and added to its groups; results come in `finish`, ordered as stats orders
 * them. `summariesonly`, `allow_old_summaries`, `include_reduced_buckets`, `chunk_size` and
 * `local` select or tune acceleration summaries; spelunk computes the data model from the events
 * themselves, so they change nothing. `prestats=t` emits the projected rows instead of
 * statistics (see prestatsStage); `append=t` after other commands adds tstats' results to theirs.
 */
export function compileTstats(command: TstatsCommand, context: StageCompileContext): StageResult {
  const from = command.from;
  if (from === undefined || from.source !== 'datamodel') {
    return [
      commandError(
        context,
        TstatsCode.notDataModel,
        'tstats over index-time fields needs Splunk index files; spelunk runs tstats FROM datamodel=<model>.<dataset> only',
        from?.span ?? command.nameSpan,
      ),
    ];
  }
  if (command.options.append?.value === true && context.position > 0) {
    return appendedTstats(command, context);
  }
  const root = resolveDataset(context, command, from.target.value, from.target.span);
  if (failed(root)) return root;
  const split = splitNodename(context, root, command.where?.expr);
  if (failed(split)) return split;
  const where = split.rest === undefined ? undefined : withoutMatchAll(split.rest);
  const rawTerm = where === undefined ? undefined : findRawTerm(where);
  if (rawTerm !== undefined) {
    return [
      commandError(
        context,
        TstatsCode.rawTerm,
        'tstats WHERE compares data-model fields; a bare term would search the raw text, which a data model does not hold',
        rawTerm.span,
        ['write field=value, e.g. Processes.process_name=cmd.exe'],
      ),
    ];
  }
  const evalArgument = command.aggregations.find((a) => a.argument?.kind === 'EvalArgument');
  if (evalArgument !== undefined) {
    return [
      commandError(
        context,
        TstatsCode.badArgument,
        'tstats functions take data-model fields, not eval expressions',
        evalArgument.span,
      ),
    ];
  }
  const aggregations = compileAggregations(command.aggregations, command.by, context);
  if (failed(aggregations)) return aggregations;
  const groupKeys = compileGroupKeys(command.by, command.options.fillnull_value?.value);
  if (groupKeys === undefined) {
    const span = command.by?.timeSpan?.valueSpan ?? command.span;
    return [
      commandError(context, TstatsCode.badArgument, 'span must be a positive time span', span),
    ];
  }
  const rows = compileRowSource(context, split.dataset, where, aggregations.reads);
  if (failed(rows)) return rows;
  const named = unionNeed(rows.whereReads, aggregations.reads);
  const warnings = unknownFieldWarnings(context, command, split.dataset, named);
  const header = { ...headerOf(command), needs: () => rows.reads };
  const stage: Stage =
    command.options.prestats?.value === true
      ? prestatsStage(header, rows, command, warnings)
      : statsStage(header, rows, aggregations, groupKeys, warnings);
  return { ...stage, route: rows.route };
}

interface Group {
  readonly values: readonly Scalar[];
  readonly state: GroupState;
}

type Header = Pick<Stage, 'command' | 'span' | 'needs'>;

function statsStage(
  header: Header,
  rows: RowSource,
  aggregations: Aggregations,
  groupKeys: GroupKeys,
  warnings: readonly Diagnostic[],
): Stage {
  const byFields = aggregations.byFields;
  return defineStage(header, 'fresh', (services) => {
    for (const warning of warnings) services.warn(warning);
    const rowOf = rows.start(services);
    const groups = new Map<string, Group>();
    return {
      push(events) {
        for (const event of events) {
          const row = rowOf(event);
          if (row === undefined) continue;
          for (const { key, values } of groupKeys(row)) {
            let group = groups.get(key);
            if (group === undefined) {
              group = { values, state: aggregations.createGroup() };
              groups.set(key, group);
            }
            aggregations.add(group.state, row);
          }
        }
      },
      finish(emit) {
        if (byFields.length === 0 && groups.size === 0) {
          groups.set('', { values: [], state: aggregations.createGroup() });
        }
        const ordered = [...groups.values()].sort((a, b) => compareGroupValues(a.values, b.values));
        groups.clear();
        emit(
          ordered.map((group) => {
            const row: Event = {};
            byFields.forEach((field, i) => {
              writeField(row, field, group.values[i]);
            });
            for (const [name, value] of aggregations.results(group.state))
              writeField(row, name, value);
            return row;
          }),
        );
      },
    };
  });
}

/**
 * Splunk's prestats format is an internal encoding that stats, chart and timechart read back.
 * spelunk emits, in its place, one row per matching event with the fields the aggregations and
 * the BY clause read (null by-fields filled with fillnull_value) and `_time`: the command that
 * follows computes the same statistics from them.
 */
function prestatsStage(
  header: Header,
  rows: RowSource,
  command: TstatsCommand,
  warnings: readonly Diagnostic[],
): Stage {
  const byFields = command.by?.fields.map((f) => f.name) ?? [];
  const fillnull = command.options.fillnull_value?.value;
  return defineStage(
    header,
    'fresh',
    (services) => {
      for (const warning of warnings) services.warn(warning);
      const rowOf = rows.start(services);
      return {
        push(events, emit) {
          const out: Event[] = [];
          for (const event of events) {
            const row = rowOf(event);
            if (row === undefined) continue;
            if (fillnull !== undefined) {
              for (const field of byFields)
                if (readField(row, field) === undefined) writeField(row, field, fillnull);
            } else if (byFields.some((field) => readField(row, field) === undefined)) continue;
            out.push(row);
          }
          emit(out);
        },
        finish() {},
      };
    },
    { streaming: true },
  );
}
