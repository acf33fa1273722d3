// A filled drilldown as a `spelunk search` command line over the hunt's inputs or its risk events.
import path from 'node:path';
import type { FilledDrilldown } from '../../engine/index.ts';
import { shellQuote } from './shell-quote.ts';

export interface DrilldownContext {
  /** The content directory of the detection: its macros and lookups make the search runnable. */
  readonly contentDir: string | undefined;
  readonly inputs: readonly string[];
  /** The `--risk-out` file, for drilldowns that read risk events. */
  readonly riskOut: string | undefined;
}

/**
 * Newlines in a search become spaces: a command line is one line. The drilldown's time range and
 * the time its relative modifiers count from (`starthoursago=168`, `-7d`) go with it, so pasted
 * over old data it finds what it found then.
 */
export function drilldownCommand(drilldown: FilledDrilldown, context: DrilldownContext): string {
  const words = ['spelunk', 'search'];
  if (context.contentDir !== undefined) {
    words.push('--macros', path.join(context.contentDir, 'macros'));
    words.push('--lookups', path.join(context.contentDir, 'lookups'));
  }
  // `--x=value`: a value such as `-7d` would otherwise read as an option.
  if (drilldown.earliest !== undefined) words.push(`--earliest=${drilldown.earliest}`);
  if (drilldown.latest !== undefined) words.push(`--latest=${drilldown.latest}`);
  if (drilldown.now !== undefined) words.push(`--now=${drilldown.now}`);
  words.push(drilldown.search.replace(/\s*\n\s*/g, ' '));
  const targets = drilldown.readsRisk
    ? context.riskOut === undefined
      ? ['RISK_EVENTS.jsonl']
      : [context.riskOut]
    : context.inputs;
  return [...words.map(shellQuote), ...targets.map(shellQuote)].join(' ');
}
