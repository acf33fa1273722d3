// `fields [+] a, b*` keeps fields, `fields - a, b*` removes them (Search Reference, fields).
import { type Event, readField, writeField } from '../../core/index.ts';
import type { FieldsCommand } from '../ast/command.ts';
import type { StageCompileContext, StageResult } from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { fieldPattern } from './field-pattern.ts';
import { expandStage, headerOf, updateStage } from './stage-kit.ts';

/**
 * Keeping also keeps the internal fields (`_raw`, `_time`, ...) unless they are removed
 * explicitly, as in Splunk; kept fields come first, in the listed order.
 */
export function compileFields(command: FieldsCommand, _context: StageCompileContext): StageResult {
  const patterns = command.fields.map((f) => fieldPattern(f.name));
  const wildcard = patterns.some((p) => p.wildcard);
  const matches = (field: string) => patterns.some((p) => p.matches(field));
  const header = headerOf(command);
  if (command.mode === 'remove') {
    const needs = (downstream: FieldNeed): FieldNeed =>
      downstream === 'all' ? 'all' : new Set([...downstream].filter((f) => !matches(f)));
    return updateStage({ ...header, needs }, (row) => {
      for (const key of Object.keys(row))
        if (row[key] !== undefined && matches(key)) writeField(row, key, undefined);
    });
  }
  const needs = (downstream: FieldNeed): FieldNeed => {
    if (wildcard) return 'all';
    const internal =
      downstream === 'all' ? ['_raw', '_time'] : [...downstream].filter((f) => f.startsWith('_'));
    return unionNeed(
      patterns.map((p) => p.text),
      internal,
    );
  };
  return expandStage({ ...header, needs }, 'fresh', (row, out) => {
    const next: Event = {};
    for (const pattern of patterns) {
      if (!pattern.wildcard) {
        const value = readField(row, pattern.text);
        if (value !== undefined) writeField(next, pattern.text, value);
        continue;
      }
      for (const key of Object.keys(row)) {
        const value = row[key];
        if (value !== undefined && !Object.hasOwn(next, key) && pattern.matches(key))
          writeField(next, key, value);
      }
    }
    for (const key of Object.keys(row)) {
      const value = row[key];
      if (key.startsWith('_') && value !== undefined && !Object.hasOwn(next, key))
        writeField(next, key, value);
    }
    out.push(next);
  });
}
