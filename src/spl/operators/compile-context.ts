// What compiling one command is given, what it returns, and helpers shared by every command's compiler.
import { type Diagnostic, error, type SourceText, type Span } from '../../core/index.ts';
import type { Subsearch } from '../ast/common.ts';
import type { Expr } from '../ast/expr.ts';
import { compileExpr } from '../eval/compile-expr.ts';
import type { CompiledExpr, EvalCompileOptions } from '../eval/eval-types.ts';
import type { LookupProvider } from '../lookups/lookup-store.ts';
import type { Plan } from '../plan/plan.ts';
import type { Stage } from './operator.ts';
import type { DataModelProvider } from './tstats-data-model.ts';

export interface StageCompileContext {
  /** The expanded search text that spans point into. */
  readonly source: SourceText;
  readonly lookups: LookupProvider;
  /** The data models tstats, datamodel and from datamodel read; absent: those commands are refused. */
  readonly dataModels?: DataModelProvider;
  /** Eval compile options (clock, random, searchmatch parsing), `source` included. */
  readonly evalOptions: EvalCompileOptions;
  /** The search's time, epoch seconds: what `earliest=-24h` and eval's now() count from. */
  readonly now: number;
  /** 0-based place of the command in its pipeline: generating commands must come first. */
  readonly position: number;
  /**
   * Plans a subsearch (`[search ...]`) with the same options; `overRows` for a subpipeline that
   * runs over this search's rows (appendpipe), to which the job's time range does not apply.
   */
  compileSubsearch(
    subsearch: Subsearch,
    options?: { readonly overRows?: boolean },
  ): Plan | readonly Diagnostic[];
  /**
   * Parses and plans SPL text made while compiling or running (a foreach template with its
   * placeholders filled in); diagnostics point into `text`, named `name`.
   */
  compileText(text: string, name: string): Plan | readonly Diagnostic[];
}

/** A compiled command, or every problem found in it. */
export type StageResult = Stage | readonly Diagnostic[];

export function isStage(result: StageResult): result is Stage {
  return !Array.isArray(result);
}

/** Stable codes of the engine (docs/spl-commands.md). */
export const EngineCode = {
  unsupportedCommand: 'SPL501',
  unsupportedOption: 'SPL502',
  badArgument: 'SPL503',
  notFirst: 'SPL504',
  lookup: 'SPL505',
  subsearch: 'SPL506',
  badRegex: 'SPL507',
} as const;

export function commandError(
  context: StageCompileContext,
  code: string,
  message: string,
  span: Span,
  notes: readonly string[] = [],
): Diagnostic {
  return error(code, message, {
    source: context.source,
    span,
    ...(notes.length > 0 ? { notes: notes.map((message) => ({ message })) } : {}),
  });
}

/**
 * An unsupported-option error for each of `names` the command was given, in that order:
 * `<command> <name>= is not supported`, then `; <hint>` when there is one.
 */
export function refuseOptions<N extends string>(
  context: StageCompileContext,
  command: string,
  options: { readonly [K in N]?: { readonly span: Span } | undefined },
  names: readonly N[],
  hint?: string,
): Diagnostic[] {
  const refused: Diagnostic[] = [];
  for (const name of names) {
    const option = options[name];
    if (option === undefined) continue;
    refused.push(
      commandError(
        context,
        EngineCode.unsupportedOption,
        `${command} ${name}= is not supported${hint === undefined ? '' : `; ${hint}`}`,
        option.span,
      ),
    );
  }
  return refused;
}

/** Compiles an eval expression of a command, with the command's source for its spans. */
export function compileExpression(
  context: StageCompileContext,
  expr: Expr,
): CompiledExpr | readonly Diagnostic[] {
  const result = compileExpr(expr, { ...context.evalOptions, source: context.source });
  return result.ok ? result.value : result.diagnostics;
}

/** A diagnostic from elsewhere (lookups) pinned to a span of the search. */
export function atSpan(context: StageCompileContext, d: Diagnostic, span: Span): Diagnostic {
  return {
    ...d,
    source: context.source,
    span,
    ...(d.location ? { notes: [...(d.notes ?? []), { message: `defined at ${d.location}` }] } : {}),
  };
}

/** Narrows a compile result to its failure case. */
export function failed<T>(result: T | readonly Diagnostic[]): result is readonly Diagnostic[] {
  return Array.isArray(result);
}
