// `table a, b*`: new rows with only the listed fields, in the listed order (Search Reference, table).
import { type Event, fieldReader, readField, writeField } from '../../core/index.ts';
import type { TableCommand } from '../ast/command.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { fieldPattern } from './field-pattern.ts';
import { expandStage, headerOf } from './stage-kit.ts';

/**
 * A wildcard takes the row's matching fields in the row's order; a field listed twice appears
 * once, where first listed. Internal fields (`_raw`, `_time`) appear only when listed.
 */
export function compileTable(command: TableCommand, _context: StageCompileContext): StageResult {
  const patterns = command.fields.map((f) => fieldPattern(f.name));
  const plain = patterns.every((p) => !p.wildcard);
  const names = [...new Set(patterns.map((p) => p.text))];
  const needs = () => (plain ? new Set(names) : ('all' as const));
  if (plain) {
    const columns = names.map((name) => ({ name, read: fieldReader(name) }));
    return expandStage({ ...headerOf(command), needs }, 'fresh', (row, out) => {
      const next: Event = {};
      for (const { name, read } of columns) {
        const value = read(row);
        if (value !== undefined) writeField(next, name, value);
      }
      out.push(next);
    });
  }
  return expandStage({ ...headerOf(command), needs }, 'fresh', (row, out) => {
    const next: Event = {};
    for (const pattern of patterns) {
      if (!pattern.wildcard) {
        const value = readField(row, pattern.text);
        if (value !== undefined && !Object.hasOwn(next, pattern.text))
          writeField(next, pattern.text, value);
        continue;
      }
      for (const key of Object.keys(row)) {
        const value = row[key];
        if (value !== undefined && !Object.hasOwn(next, key) && pattern.matches(key))
          writeField(next, key, value);
      }
    }
    out.push(next);
  });
}
