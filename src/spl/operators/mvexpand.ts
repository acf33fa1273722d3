// `mvexpand field [limit=N]`: one result per value of a multivalue field (Search Reference, mvexpand).
import { type Event, readField, writeField } from '../../core/index.ts';
import type { MvexpandCommand } from '../ast/command.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { unionNeed } from './field-need.ts';
import { expandStage, headerOf } from './stage-kit.ts';

/** A result without the field is dropped; a single value passes unchanged. limit keeps the first N values. */
export function compileMvexpand(
  command: MvexpandCommand,
  _context: StageCompileContext,
): StageResult {
  const field = command.field.name;
  const limit = command.options.limit?.value ?? Number.POSITIVE_INFINITY;
  return expandStage(
    { ...headerOf(command), needs: (downstream) => unionNeed(downstream, [field]) },
    'fresh',
    (row, out) => {
      const value = readField(row, field);
      if (value === undefined) return;
      if (!Array.isArray(value)) {
        out.push({ ...row });
        return;
      }
      const count = Math.min(value.length, limit);
      for (let i = 0; i < count; i++) {
        const copy: Event = { ...row };
        writeField(copy, field, value[i]);
        out.push(copy);
      }
    },
  );
}
