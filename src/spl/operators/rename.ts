// `rename a AS b, X.* AS *`: renames fields in order, left to right (Search Reference, rename).
import { type Diagnostic, type Event, writeField } from '../../core/index.ts';
import type { RenameCommand } from '../ast/command.ts';
import {
  commandError,
  EngineCode,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { type FieldPattern, fieldPattern, fillPattern } from './field-pattern.ts';
import { expandStage, headerOf } from './stage-kit.ts';

interface Renaming {
  readonly from: FieldPattern;
  readonly to: string;
}

/**
 * A renamed field keeps its column position. Renaming a field the row does not have makes the
 * target null, as Splunk does; a wildcard renames only the fields it matches, and both sides
 * must hold the same number of `*` (Search Reference, rename: "wildcard mismatch").
 */
export function compileRename(command: RenameCommand, context: StageCompileContext): StageResult {
  const diagnostics: Diagnostic[] = [];
  const renamings: Renaming[] = [];
  for (const pair of command.renames) {
    const stars = (text: string) => text.split('*').length - 1;
    const fromStars = stars(pair.from.name);
    const toStars = stars(pair.to.name);
    if (fromStars !== toStars) {
      diagnostics.push(
        commandError(
          context,
          EngineCode.badArgument,
          `wildcard mismatch: "${pair.from.name}" has ${fromStars} "*" and "${pair.to.name}" has ${toStars}`,
          pair.span,
        ),
      );
      continue;
    }
    renamings.push({ from: fieldPattern(pair.from.name), to: pair.to.name });
  }
  if (diagnostics.length > 0) return diagnostics;

  const needs = (downstream: FieldNeed): FieldNeed => {
    let need = downstream;
    for (let i = renamings.length - 1; i >= 0; i--) {
      const r = renamings[i] as Renaming;
      if (need === 'all') return 'all';
      if (!r.from.wildcard) {
        const next = new Set(need);
        next.delete(r.from.text);
        if (need.has(r.to)) {
          next.delete(r.to);
          next.add(r.from.text);
        }
        need = next;
      } else {
        const to = fieldPattern(r.to);
        const sources = [...need].flatMap((f) => {
          const captures = to.captures(f);
          return captures === undefined ? [] : [fillPattern(r.from.text, captures)];
        });
        need = unionNeed(need, sources);
      }
    }
    return need;
  };

  return expandStage({ ...headerOf(command), needs }, 'fresh', (row, out) => {
    let current: Event = row;
    for (const r of renamings) current = applyRenaming(current, r);
    out.push(current === row ? { ...row } : current);
  });
}

function applyRenaming(row: Event, r: Renaming): Event {
  const names = new Map<string, string>();
  if (r.from.wildcard) {
    for (const key of Object.keys(row)) {
      if (row[key] === undefined) continue;
      const captures = r.from.captures(key);
      if (captures !== undefined) names.set(key, fillPattern(r.to, captures));
    }
    if (names.size === 0) return row;
  } else {
    if (r.from.text === r.to) return row;
    names.set(r.from.text, r.to);
  }
  const targets = new Set(names.values());
  const next: Event = {};
  let placed = false;
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (value === undefined) continue;
    const renamed = names.get(key);
    if (renamed !== undefined) {
      writeField(next, renamed, value);
      placed = true;
    } else if (!targets.has(key)) {
      writeField(next, key, value);
    }
  }
  if (!placed && !r.from.wildcard) writeField(next, r.to, undefined);
  return next;
}
