// `foreach <wildcard fields> [<eval template>]`: runs the template once per matching field (Search Reference, foreach).

import type { Diagnostic, Event } from '../../core/index.ts';
import { pushAll } from '../../core/index.ts';
import type { ForeachCommand } from '../ast/command.ts';
import type { Plan, PlanRun } from '../plan/plan.ts';
import {
  commandError,
  EngineCode,
  failed,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';
import { fieldPattern } from './field-pattern.ts';
import { defineStage, headerOf } from './stage-kit.ts';

/** Distinct field names whose template is kept compiled; past this the cache starts over. */
const TEMPLATE_CACHE = 256;

interface Placeholders {
  readonly field: string;
  readonly match: string;
  readonly segments: readonly [string, string, string];
}

/**
 * Mode multifield (the default) only. For each row, each field matching one of the patterns (in
 * the row's order; `_` fields excluded) gets the template with `<<FIELD>>` (the name),
 * `<<MATCHSTR>>` (what the first `*` matched) and `<<MATCHSEG1..3>>` (each `*`'s match) filled in,
 * as text, then compiled (once per field name) and applied. Templates may hold only eval commands,
 * so each row stays one row; the template is checked when the search compiles.
 */
export function compileForeach(command: ForeachCommand, context: StageCompileContext): StageResult {
  const mode = command.options.mode;
  if (mode !== undefined && mode.value !== 'multifield') {
    return [
      commandError(
        context,
        EngineCode.unsupportedOption,
        `foreach mode=${mode.value} is not supported`,
        mode.span,
      ),
    ];
  }
  const names: Placeholders = {
    field: command.options.fieldstr?.value ?? '<<FIELD>>',
    match: command.options.matchstr?.value ?? '<<MATCHSTR>>',
    segments: [
      command.options.matchseg1?.value ?? '<<MATCHSEG1>>',
      command.options.matchseg2?.value ?? '<<MATCHSEG2>>',
      command.options.matchseg3?.value ?? '<<MATCHSEG3>>',
    ],
  };
  const { span } = command.template;
  const template = `* | ${context.source.text.slice(span.start + 1, span.end - 1)}`;
  const patterns = command.fields.map((f) => fieldPattern(f.name));
  const fill = (field: string, captures: readonly string[]) => {
    let text = template.replaceAll(names.field, field).replaceAll(names.match, captures[0] ?? '');
    names.segments.forEach((segment, i) => {
      text = text.replaceAll(segment, captures[i] ?? '');
    });
    return text;
  };
  const compileFor = (field: string, captures: readonly string[]): Plan | readonly Diagnostic[] =>
    context.compileText(fill(field, captures), `foreach template for ${field}`);
  // A stand-in field checks the template now, so mistakes point at the search as written.
  const sample = (patterns[0]?.text ?? 'field').replaceAll('*', 'x');
  const checked = compileFor(sample, ['x', 'x', 'x']);
  if (failed(checked)) {
    return [
      commandError(
        context,
        EngineCode.badArgument,
        'the foreach template does not compile',
        span,
        checked.map((d) => `${d.code} ${d.message}`),
      ),
    ];
  }
  const notEval = checked.stages.find(
    (s, i) =>
      i > 0 && s.command !== 'eval' && s.command !== 'fieldformat' && s.command !== '(copy)',
  );
  if (notEval !== undefined) {
    return [
      commandError(
        context,
        EngineCode.unsupportedOption,
        `foreach templates may hold only eval, not ${notEval.command}`,
        span,
      ),
    ];
  }
  const matcher = (field: string): { captures: string[] } | undefined => {
    if (field.startsWith('_')) return undefined;
    for (const pattern of patterns) {
      const captures = pattern.captures(field);
      if (captures !== undefined) return { captures };
    }
    return undefined;
  };
  return defineStage({ ...headerOf(command), needs: () => 'all' }, 'fresh', (services) => {
    let runs = new Map<string, { run: PlanRun; out: Event[] } | undefined>();
    const runFor = (field: string, captures: readonly string[]) => {
      if (runs.has(field)) return runs.get(field);
      if (runs.size >= TEMPLATE_CACHE) runs = new Map();
      const plan = compileFor(field, captures);
      let entry: { run: PlanRun; out: Event[] } | undefined;
      if (failed(plan)) {
        for (const d of plan) services.warn(d);
      } else {
        const out: Event[] = [];
        entry = {
          run: plan.start({
            emit: (rows) => pushAll(out, rows),
            warn: services.warn,
            memory: services.memory,
          }),
          out,
        };
      }
      runs.set(field, entry);
      return entry;
    };
    return {
      push(rows, emit) {
        const result: Event[] = [];
        for (const row of rows) {
          let current: Event = { ...row };
          for (const field of Object.keys(row)) {
            if (row[field] === undefined) continue;
            const match = matcher(field);
            if (match === undefined) continue;
            const entry = runFor(field, match.captures);
            if (entry === undefined) continue;
            entry.out.length = 0;
            entry.run.push([current]);
            current = entry.out[0] ?? current;
          }
          result.push(current);
        }
        emit(result);
      },
      finish() {
        for (const entry of runs.values()) entry?.run.finish();
      },
    };
  });
}
