// The search role's one entry point: SPL over the index. parse → a leading store command
// (tstats/metadata/eventcount) or a store-side stats, when the search has that shape → otherwise
// compile the plan, push its time range, route (indexes, source, sourcetype, host, EventCode,
// field terms) and the columns it needs into the store query, and pump what the store returns
// through the engine (runPlansOverEvents) as a file read would be pumped. Commands after a
// store-side part run in the engine over its rows.
import {
  type Diagnostic,
  type Event,
  type EventSource,
  formatDiagnostics,
  hasErrors,
} from '../../core/index.ts';
import { planEventFlow, runPlansOverEvents } from '../../engine/index.ts';
import {
  compileSpl,
  expandSourcetypeAliases,
  type Plan,
  parseSpl,
  type TimeRangeInput,
  timeBoundsToRead,
} from '../../spl/index.ts';
import { InexactAggregateError } from '../store/aggregate-query.ts';
import type { StoreFilter } from '../store/store-query.ts';
import { knowledgeFields } from './knowledge-fields.ts';
import { runStoreCommand } from './run-store-command.ts';
import {
  chooseIndexes,
  type IndexSearchDeps,
  type IndexSearchRequest,
  SearchCompileError,
  type SearchOutput,
  type SearchWorkspace,
  timeOf,
} from './search-context.ts';
import { searchFilter } from './search-filter.ts';
import { leadingStoreCommand, StoreCommandError } from './store-commands.ts';
import { statsRows, storeStats } from './store-stats.ts';

export async function runIndexSearch(
  request: IndexSearchRequest,
  deps: IndexSearchDeps,
  output: SearchOutput,
): Promise<void> {
  const { workspace } = deps;
  const now = request.now ?? Date.now() / 1000;
  const parsed = parseSpl(request.spl, { macros: workspace.macros });
  if (hasErrors(parsed.diagnostics)) throw new SearchCompileError(parsed.diagnostics);
  const commands = expandSourcetypeAliases(parsed.pipeline).commands;
  const text = parsed.expanded.text;
  const knowledge = knowledgeFields(workspace.knowledge);
  const limits = { computed: (f: string) => knowledge.writesAny || knowledge.written.has(f) };

  let storeCommand: ReturnType<typeof leadingStoreCommand>;
  try {
    storeCommand = leadingStoreCommand(commands[0], text);
  } catch (error) {
    if (error instanceof StoreCommandError) throw new SearchCompileError([], error.message);
    throw error;
  }
  if (storeCommand !== undefined) {
    const rows = await runStoreCommand(storeCommand, { ...request, now }, deps, output);
    return runRest(commands[1]?.span.start, text, rows, workspace, now, output);
  }

  const plan = compile(request.spl, workspace, now, request.timeRange);
  const stats = storeStats(commands, text, limits);
  if (stats !== undefined) {
    const indexes = chooseIndexes([plan.route], deps, output);
    try {
      const groups = await deps.store.aggregate({
        indexes,
        filter: stats.filter,
        by: stats.by,
        aggregates: stats.aggregates,
        ...timeOf(plan.timeBounds),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      const rest = commands[stats.rest]?.span.start;
      return runRest(rest, text, statsRows(stats, groups), workspace, now, output);
    } catch (error) {
      if (!(error instanceof InexactAggregateError)) throw error;
      // Multivalue fields somewhere: the engine counts them as stats does.
    }
  }

  const flow = planEventFlow([plan], workspace.knowledge);
  const warn = (d: Diagnostic) => output.message('WARN', formatDiagnostics([d]));
  const context = { emit: (rows: readonly Event[]) => output.emit(rows), warn };
  if (plan.generating) {
    await runPlansOverEvents([{ plan, context }], undefined, flow);
    return;
  }
  const leading = commands[0]?.kind === 'Search' ? commands[0].expr : undefined;
  // Subsearches that read events need other events than the main search: no filter then.
  const filter: StoreFilter =
    plan.sidePlans.length === 0 ? searchFilter(leading, limits) : { kind: 'true' };
  const source = deps.store.query({
    indexes: chooseIndexes([plan.route], deps, output),
    filter,
    fields: knowledge.storedFor(flow.fields),
    raw: flow.needsRaw,
    ...timeOf(timeBoundsToRead(plan)),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  await runPlansOverEvents([{ plan, context }], counted(source, output), flow);
}

function compile(
  spl: string,
  workspace: SearchWorkspace,
  now: number,
  timeRange?: TimeRangeInput,
): Plan {
  const compiled = compileSpl(spl, {
    macros: workspace.macros,
    lookups: workspace.lookups,
    ...(workspace.dataModels ? { dataModels: workspace.dataModels } : {}),
    now,
    ...(timeRange ? { timeRange } : {}),
  });
  if (!compiled.ok) throw new SearchCompileError(compiled.diagnostics);
  return compiled.plan;
}

async function* counted(source: EventSource, output: SearchOutput): EventSource {
  for await (const batch of source) {
    output.scanned(batch.length);
    yield batch;
  }
}

/**
 * The commands from `start` on (offsets into the expanded search) run by the engine over rows
 * the store computed: compiled as `| <commands>`, the rows pushed in as events.
 */
async function runRest(
  start: number | undefined,
  text: string,
  rows: readonly Event[],
  workspace: SearchWorkspace,
  now: number,
  output: SearchOutput,
): Promise<void> {
  if (start === undefined) {
    output.emit(rows);
    return;
  }
  const plan = compile(`| ${text.slice(start)}`, workspace, now);
  const run = plan.start({
    emit: (out) => output.emit(out),
    warn: (d) => output.message('WARN', formatDiagnostics([d])),
  });
  if (rows.length > 0) run.push(rows);
  run.finish();
}
