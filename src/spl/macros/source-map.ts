// Maps offsets in a macro-expanded search back to the text the user wrote.
import { type DiagnosticNote, type SourceText, type Span, span } from '../../core/index.ts';
import type { MacroDefinition } from './macro.ts';

/**
 * A run of expanded text. `original` runs were copied from the search; macro runs came from a
 * definition (`offset` into it, or `fixed` when they are an argument's substituted value) and
 * are blamed on the outermost macro call (`call`, a span of the search).
 */
export type ExpansionRun =
  | {
      readonly kind: 'original';
      readonly start: number;
      readonly end: number;
      readonly from: number;
    }
  | {
      readonly kind: 'macro';
      readonly start: number;
      readonly end: number;
      readonly call: Span;
      readonly macro: MacroDefinition;
      readonly offset: number;
      readonly fixed: boolean;
    };

export interface SourceMap {
  readonly runs: readonly ExpansionRun[];
}

/** Where an expanded span came from: a span of the search, and a note into a macro if any. */
export interface MappedSpan {
  readonly span: Span;
  readonly note?: DiagnosticNote;
}

function runAt(map: SourceMap, offset: number): ExpansionRun | undefined {
  const runs = map.runs;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid];
    if (!run) break;
    if (offset < run.start) hi = mid - 1;
    else if (offset >= run.end) lo = mid + 1;
    else return run;
  }
  return runs[runs.length - 1];
}

function mapStart(run: ExpansionRun, offset: number): number {
  return run.kind === 'original' ? run.from + (offset - run.start) : run.call.start;
}

function mapEnd(run: ExpansionRun, offset: number): number {
  return run.kind === 'original' ? run.from + Math.min(offset, run.end) - run.start : run.call.end;
}

export function mapSpan(map: SourceMap, expanded: Span): MappedSpan {
  const first = runAt(map, expanded.start);
  if (!first) return { span: expanded };
  const last = runAt(map, Math.max(expanded.start, expanded.end - 1)) ?? first;
  const start = mapStart(first, expanded.start);
  const end = Math.max(start, mapEnd(last, expanded.end));
  if (first.kind === 'original') return { span: span(start, end) };
  const within = first.fixed ? 0 : expanded.start - first.start;
  const noteStart = first.offset + within;
  const noteEnd = first.fixed
    ? noteStart + 1
    : first.offset + Math.min(expanded.end, first.end) - first.start;
  const source: SourceText = first.macro.source;
  return {
    span: span(start, end),
    note: {
      message: `in the expansion of macro \`${first.macro.name}\` (${first.macro.location})`,
      source,
      span: span(noteStart, Math.max(noteStart + 1, noteEnd)),
    },
  };
}
