// Test helper: SPL compiled with the built-in data models and run over events that already carry their CIM fields.
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/diagnostic.ts';
import type { Event } from '../../../src/core/event.ts';
import { loadDataModels } from '../../../src/knowledge/datamodels/load/load-data-models.ts';
import { BUILTIN_MACROS } from '../../../src/spl/macros/builtin-macros.ts';
import { defineMacro, macroLibrary } from '../../../src/spl/macros/macro.ts';
import { compileSpl } from '../../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../../src/spl/plan/plan.ts';

export const DATA_MODELS = loadDataModels().dataModels;

/** ESCU's summariesonly macro and two process_* macros, as ESCU writes them (our own copies). */
export const MACROS = macroLibrary(BUILTIN_MACROS, [
  defineMacro(
    'security_content_summariesonly',
    [],
    'summariesonly=false allow_old_summaries=true fillnull_value=null',
    'test',
  ),
  defineMacro(
    'process_cmd',
    [],
    '(Processes.process_name=cmd.exe OR Processes.original_file_name=Cmd.Exe)',
    'test',
  ),
  defineMacro('nested_cmd', [], '`process_cmd` Processes.user=*', 'test'),
]);

const SYSMON = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';

/** A Sysmon event with the fields the built-in knowledge would have given it. */
export function sysmon(code: number, time: number, fields: Event): Event {
  return {
    _time: time,
    index: 'wineventlog',
    host: 'ws1',
    source: SYSMON,
    sourcetype: 'XmlWinEventLog',
    EventCode: String(code),
    dest: 'ws1',
    vendor_product: 'Microsoft Sysmon',
    ...fields,
  };
}

export function security(code: number, time: number, fields: Event): Event {
  return {
    _time: time,
    index: 'wineventlog',
    host: 'dc1',
    source: 'XmlWinEventLog:Security',
    sourcetype: 'XmlWinEventLog',
    EventCode: String(code),
    dest: 'dc1',
    ...fields,
  };
}

export function compileTstats(spl: string): Plan {
  const result = compileSpl(spl, { macros: MACROS, dataModels: DATA_MODELS });
  if (!result.ok) assert.fail(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return result.value;
}

export function tstatsErrors(spl: string, withDataModels = true): readonly Diagnostic[] {
  const result = compileSpl(spl, {
    macros: MACROS,
    ...(withDataModels ? { dataModels: DATA_MODELS } : {}),
  });
  assert.ok(!result.ok, `expected "${spl}" not to compile`);
  return result.diagnostics;
}

export interface TstatsRun {
  readonly rows: Event[];
  readonly warnings: Diagnostic[];
}

/** Runs over copies of `events` in batches of two; checks the events were not changed. */
export function runTstats(spl: string, events: readonly Event[]): TstatsRun {
  const plan = compileTstats(spl);
  const before = JSON.stringify(events);
  const rows: Event[] = [];
  const warnings: Diagnostic[] = [];
  const run = plan.start({ emit: (batch) => rows.push(...batch), warn: (d) => warnings.push(d) });
  for (let i = 0; i < events.length; i += 2) run.push(events.slice(i, i + 2));
  run.finish();
  assert.equal(JSON.stringify(events), before, 'the run changed its input events');
  return { rows, warnings };
}

/** The text a diagnostic's span covers. */
export function spanned(d: Diagnostic | undefined): string | undefined {
  return d?.source && d.span ? d.source.text.slice(d.span.start, d.span.end) : undefined;
}
