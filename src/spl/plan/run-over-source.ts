// Drives one plan over an event source: the simplest pump (hunt drives many plans itself).
import type { EventSource } from '../../core/index.ts';
import type { Plan, RunContext } from './plan.ts';

/**
 * Pushes every batch of `source` into a fresh run of `plan`, then finishes it. A plan that reads
 * no events (`| makeresults`, `| inputlookup`) does not iterate the source at all; a run that is
 * done (`| head 10` satisfied) stops reading.
 */
export async function runPlanOverSource(
  plan: Plan,
  source: EventSource | undefined,
  context: RunContext,
): Promise<void> {
  const run = plan.start(context);
  if (!plan.generating && source !== undefined) {
    for await (const batch of source) {
      run.push(batch);
      // Leaving the loop closes the source: readers stop and release their files.
      if (run.done) break;
    }
  }
  run.finish();
}
