// The stage the planner puts before the first command that changes rows in place: events are shared between plans.
import type { Event } from '../../core/event.ts';
import type { Span } from '../../core/span.ts';
import type { Stage } from './operator.ts';
import { expandStage } from './stage-kit.ts';

export function copyRowsStage(span: Span): Stage {
  return expandStage(
    { command: '(copy)', span, needs: (downstream) => downstream },
    'fresh',
    (row, out) => {
      const copy: Event = {};
      for (const key in row) copy[key] = row[key];
      out.push(copy);
    },
  );
}
