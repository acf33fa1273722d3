// Test helper: compiles SPL and runs it over events, returning the result rows without null fields.
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/diagnostic.ts';
import type { Event } from '../../../src/core/event.ts';
import type { LookupProvider } from '../../../src/spl/lookups/lookup-store.ts';
import type { MacroLibrary } from '../../../src/spl/macros/macro.ts';
import { compileSpl } from '../../../src/spl/plan/compile-spl.ts';
import type { Plan } from '../../../src/spl/plan/plan.ts';

export interface RunOptions {
  readonly lookups?: LookupProvider;
  readonly macros?: MacroLibrary;
  /** Search start time for now() and makeresults (default 1_700_000_000). */
  readonly now?: number;
  /** Split the events into batches of this size (default: one batch). */
  readonly batchSize?: number;
}

export function compile(spl: string, options: RunOptions = {}): Plan {
  const result = compileSpl(spl, compileOptions(options));
  if (!result.ok) assert.fail(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return result.value;
}

export function compileErrors(spl: string, options: RunOptions = {}): readonly Diagnostic[] {
  const result = compileSpl(spl, compileOptions(options));
  assert.ok(!result.ok, `expected "${spl}" not to compile`);
  return result.diagnostics;
}

function compileOptions(options: RunOptions) {
  const now = options.now ?? 1_700_000_000;
  return {
    ...(options.lookups ? { lookups: options.lookups } : {}),
    ...(options.macros ? { macros: options.macros } : {}),
    clock: { searchStart: () => now, wallClock: () => now },
  };
}

/** Runs `spl` over copies of `events`; checks the input events were not changed. */
export function runSpl(spl: string, events: readonly Event[], options: RunOptions = {}): Event[] {
  const plan = compile(spl, options);
  const before = JSON.stringify(events);
  const rows: Event[] = [];
  const run = plan.start({ emit: (batch) => rows.push(...batch) });
  const size = options.batchSize ?? Math.max(1, events.length);
  for (let i = 0; i < events.length; i += size) run.push(events.slice(i, i + size));
  run.finish();
  assert.equal(JSON.stringify(events), before, 'the run changed its input events');
  return rows.map(defined);
}

/** A row without its null (undefined) fields. */
export function defined(row: Event): Event {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

/** `runSpl('* | <commands>')`: commands after a leading search that keeps every event. */
export function runPipe(
  commands: string,
  events: readonly Event[],
  options: RunOptions = {},
): Event[] {
  return runSpl(`* | ${commands}`, events, options);
}
