// The stage the planner puts before the first command that changes rows in place: events are shared between plans.
import type { Span } from '../../core/index.ts';
import type { Stage } from './operator.ts';
import { expandStage } from './stage-kit.ts';

export function copyRowsStage(span: Span): Stage {
  return expandStage(
    { command: '(copy)', span, needs: (downstream) => downstream },
    'fresh',
    // Spread defines properties, so a field named `__proto__` is copied as a field.
    (row, out) => out.push({ ...row }),
  );
}
