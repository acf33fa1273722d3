// Gets a subsearch's rows for join/append: at start when it reads no events, else from a side run at finish.

import { type Event, warning } from '../../core/index.ts';
import type { Plan } from '../plan/plan.ts';
import type { RunServices } from './run-services.ts';

export interface SubsearchRows {
  /** True when `rows()` is ready at start (the subsearch generates its rows). */
  readonly early: boolean;
  /** The rows, capped at `limit`; call in `finish` unless `early`. */
  rows(): readonly Event[];
}

export function startSubsearch(
  plan: Plan,
  services: RunServices,
  limit: number,
  command: string,
): SubsearchRows {
  const cap = (rows: readonly Event[]): readonly Event[] => {
    if (rows.length <= limit) return rows;
    services.warn(
      warning(
        'SPL520',
        `${command}: the subsearch gave ${rows.length} results; only the first ${limit} are used (Splunk's maxout)`,
      ),
    );
    return rows.slice(0, limit);
  };
  if (plan.generating) {
    const rows = cap(services.runGenerating(plan));
    return { early: true, rows: () => rows };
  }
  const side = services.startSideRun(plan);
  let capped: readonly Event[] | undefined;
  return {
    early: false,
    rows: () => {
      capped ??= cap(side.results());
      return capped;
    },
  };
}
