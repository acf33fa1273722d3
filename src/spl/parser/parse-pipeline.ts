// The parse stage: command slices → Pipeline, one registry lookup per command, errors collected.
import { type Diagnostic, error, span } from '../../core/index.ts';
import type { Command } from '../ast/command.ts';
import type { Pipeline } from '../ast/pipeline.ts';
import {
  type CommandSlice,
  MAX_SYNTAX_ERRORS,
  type SplitPipeline,
  skipSpace,
  splitPipeline,
} from '../lexer/index.ts';
import { expectEnd } from './arguments.ts';
import { closestName } from './closest-name.ts';
import { commandBase } from './command-parser.ts';
import { parseGeneric } from './commands/generic.ts';
import { COMMAND_PARSERS, lookupCommandParser } from './commands/index.ts';
import { Cursor, type NestedKind, type ParseContext, SplSyntaxError } from './cursor.ts';
import { KNOWN_SPL_COMMANDS } from './known-commands.ts';
import { parseSearchClause } from './search-clause.ts';

export interface PipelineParse {
  readonly pipeline: Pipeline;
  readonly diagnostics: readonly Diagnostic[];
}

/** Subsearches nested deeper than this are refused (SPL012): hostile input cannot recurse forever. */
const MAX_NESTING = 50;
/**
 * Commands in one search, subsearches and subpipelines included. A run chains its operators
 * (each pushes into the next), so the count bounds the stack a run needs (SPL013).
 */
export const MAX_COMMANDS = 1000;

/** What one parse shares across nested pipelines: the problems and the commands counted. */
interface ParseBudget {
  readonly diagnostics: Diagnostic[];
  commands: number;
  stopped: boolean;
}

/**
 * Parses `text` (already macro-expanded) into a pipeline; never throws on bad input. `split` is
 * the tokenize stage's output for the whole text (computed here when not given).
 */
export function parsePipeline(
  text: string,
  split: SplitPipeline = splitPipeline(text, 0, text.length),
): PipelineParse {
  const budget: ParseBudget = { diagnostics: [], commands: 0, stopped: false };
  const pipeline = parseRange(text, 0, text.length, 'subsearch', 0, budget, split);
  return { pipeline, diagnostics: dedupe(budget.diagnostics) };
}

function parseRange(
  text: string,
  start: number,
  end: number,
  kind: NestedKind,
  depth: number,
  budget: ParseBudget,
  split: SplitPipeline = splitPipeline(text, start, end),
): Pipeline {
  for (const d of split.diagnostics) report(budget, d);
  const slices = split.slices;
  const first = slices[0];
  const leadingPipe = slices.length > 1 && first !== undefined && isBlank(text, first);
  const commands: Command[] = [];
  if (split.diagnostics.length === 0) {
    const context: ParseContext = {
      parseNested: (s, e, k) => {
        if (depth + 1 > MAX_NESTING) {
          throw new SplSyntaxError(
            error('SPL012', 'subsearches nested too deeply', { span: span(s - 1, s) }),
          );
        }
        return parseRange(text, s, e, k, depth + 1, budget);
      },
    };
    slices.forEach((slice, index) => {
      if (index === 0 && leadingPipe) return;
      if (budget.stopped) return;
      if (++budget.commands > MAX_COMMANDS) {
        budget.stopped = true;
        budget.diagnostics.push(
          error('SPL013', `search too long: more than ${MAX_COMMANDS} commands`, {
            span: slice.pipe ?? span(slice.start, slice.end),
          }),
        );
        return;
      }
      try {
        commands.push(
          index === 0 && kind === 'subsearch'
            ? parseFirstSlice(text, slice, context)
            : parseCommand(text, slice, context),
        );
      } catch (caught) {
        if (!(caught instanceof SplSyntaxError)) throw caught;
        report(budget, caught.diagnostic);
      }
    });
  }
  return { kind: 'Pipeline', leadingPipe, commands, span: span(start, end) };
}

/** Keeps a problem; after MAX_SYNTAX_ERRORS, one SPL014 and parsing stops. */
function report(budget: ParseBudget, diagnostic: Diagnostic): void {
  if (budget.stopped) return;
  if (budget.diagnostics.length < MAX_SYNTAX_ERRORS) {
    budget.diagnostics.push(diagnostic);
    return;
  }
  budget.stopped = true;
  budget.diagnostics.push(
    error('SPL014', `more than ${MAX_SYNTAX_ERRORS} syntax errors: parsing stopped here`, {
      ...(diagnostic.span ? { span: diagnostic.span } : {}),
    }),
  );
}

function isBlank(text: string, slice: CommandSlice): boolean {
  return skipSpace(text, slice.start, slice.end) >= slice.end;
}

/**
 * The first slice is the implicit search unless it starts with the word `search` (then it is the
 * search command written out). An empty first slice is an empty search.
 */
function parseFirstSlice(text: string, slice: CommandSlice, context: ParseContext): Command {
  const cursor = new Cursor(text, slice.start, slice.end, context);
  const first = cursor.peek('argument');
  if (first.kind === 'word' && !first.quoted && first.text.toLowerCase() === 'search') {
    const after = cursor.peekSecond('search');
    if (after.kind !== 'operator' || after.spaceBefore) return parseCommand(text, slice, context);
  }
  const header = { name: '', nameSpan: span(first.span.start, first.span.start) };
  const expr = parseSearchClause(cursor);
  expectEnd(cursor, 'search', 'search');
  return {
    kind: 'Search',
    ...commandBase(cursor, header),
    implicit: true,
    ...(expr ? { expr } : {}),
  };
}

function parseCommand(text: string, slice: CommandSlice, context: ParseContext): Command {
  const cursor = new Cursor(text, slice.start, slice.end, context);
  const nameToken = cursor.peek('argument');
  if (nameToken.kind === 'eof') {
    const at = slice.pipe ?? span(slice.start, slice.end);
    cursor.fail('SPL003', 'empty command: nothing between two pipes', at);
  }
  if (nameToken.kind !== 'word' || nameToken.quoted) cursor.unexpected(nameToken, 'a command name');
  cursor.next('argument');
  const header = { name: nameToken.text, nameSpan: nameToken.span };
  const parser = lookupCommandParser(nameToken.text);
  if (parser) return parser(cursor, header);
  if (KNOWN_SPL_COMMANDS.has(nameToken.text.toLowerCase())) return parseGeneric(cursor, header);
  const near = closestName(nameToken.text, [
    ...Object.keys(COMMAND_PARSERS),
    ...KNOWN_SPL_COMMANDS,
  ]);
  throw new SplSyntaxError(
    error('SPL101', `unknown command "${nameToken.text}"`, {
      span: nameToken.span,
      ...(near ? { notes: [{ message: `did you mean "${near}"?` }] } : {}),
    }),
  );
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}:${d.span?.start}:${d.span?.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
