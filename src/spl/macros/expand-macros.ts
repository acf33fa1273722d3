// The macro-expansion stage: `name` and `name(a,b)` calls replaced by their definitions, nested,
// with `$arg$` substitution, ```comments``` removed, and a source map back to the search.

import { type Diagnostic, error, type Span, span } from '../../core/index.ts';
import { MAX_SYNTAX_ERRORS } from '../lexer/split-pipeline.ts';
import { UNDEFINED_FILTER_DEFINITION } from './builtin-macros.ts';
import { defineMacro, type MacroDefinition, type MacroLibrary, macroKey } from './macro.ts';
import { parseMacroCall } from './macro-call.ts';
import type { ExpansionRun, SourceMap } from './source-map.ts';

export interface ExpandedSearch {
  readonly text: string;
  readonly sourceMap: SourceMap;
  /** Spans are already in the coordinates of the search as written. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Nesting deeper than this, or output longer than this, is refused (SPL305). */
const MAX_DEPTH = 32;
const MAX_LENGTH = 1_000_000;

/** Where the text being scanned came from: the search itself, or a macro definition. */
type Frame =
  | { readonly kind: 'search' }
  | {
      readonly kind: 'macro';
      readonly macro: MacroDefinition;
      readonly call: Span;
      readonly values: ReadonlyMap<string, string>;
      readonly stack: readonly string[];
    };

class Expansion {
  readonly library: MacroLibrary;
  readonly diagnostics: Diagnostic[] = [];
  readonly runs: ExpansionRun[] = [];
  readonly parts: string[] = [];
  length = 0;
  overflow = false;

  constructor(library: MacroLibrary) {
    this.library = library;
  }

  emit(text: string, frame: Frame, offset: number, fixed: boolean): void {
    if (text.length === 0 || this.overflow) return;
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    if (frame.kind === 'search') {
      this.runs.push({ kind: 'original', start, end: this.length, from: offset });
    } else {
      this.runs.push({
        kind: 'macro',
        start,
        end: this.length,
        call: frame.call,
        macro: frame.macro,
        offset,
        fixed,
      });
    }
  }

  /** Scans `text` (the search, or a definition) for comments, macro calls and `$arg$`. */
  scan(text: string, frame: Frame): void {
    let plainStart = 0;
    let i = 0;
    // A backtick inside a double-quoted string is text, not a macro call: ESCU production
    // searches write `split(process, "`")`, macro definitions `replace(x, "`", "")`. `$arg$` is
    // substituted inside quotes too. (A `map search="..."` string is expanded when map runs it.)
    let quoted = false;
    while (i < text.length && !this.overflow) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '"') {
        quoted = !quoted;
        i++;
      } else if (c === '`' && !quoted) {
        this.emit(text.slice(plainStart, i), frame, plainStart, false);
        i = text.startsWith('```', i)
          ? this.skipComment(text, i, frame)
          : this.call(text, i, frame);
        plainStart = i;
      } else if (c === '$' && frame.kind === 'macro' && frame.values.size > 0) {
        const close = text.indexOf('$', i + 1);
        const value = close > i ? frame.values.get(text.slice(i + 1, close)) : undefined;
        if (value === undefined) {
          i++;
          continue;
        }
        this.emit(text.slice(plainStart, i), frame, plainStart, false);
        this.emit(value, frame, i, true);
        i = close + 1;
        plainStart = i;
      } else i++;
    }
    this.emit(text.slice(plainStart), frame, plainStart, false);
    if (this.length > MAX_LENGTH && !this.overflow) {
      this.overflow = true;
      this.diagnostics.push(
        error('SPL205', `macro expansion is longer than ${MAX_LENGTH} characters`, {
          span: frame.kind === 'macro' ? frame.call : span(0, 1),
        }),
      );
    }
  }

  /** ```...``` is an SPL comment (Search Manual, "Add comments to searches"). */
  private skipComment(text: string, open: number, frame: Frame): number {
    const close = text.indexOf('```', open + 3);
    if (close >= 0) return close + 3;
    this.report(
      'SPL206',
      'unterminated comment: ``` has no closing ```',
      frame,
      span(open, open + 3),
    );
    return text.length;
  }

  private call(text: string, open: number, frame: Frame): number {
    const close = text.indexOf('`', open + 1);
    if (close < 0) {
      this.report(
        'SPL204',
        'unterminated macro call: "`" has no closing "`"',
        frame,
        span(open, open + 1),
      );
      return text.length;
    }
    const callSpan = span(open, close + 1);
    const body = substitute(text.slice(open + 1, close), frame);
    const blame = frame.kind === 'search' ? callSpan : frame.call;
    const parsed = parseMacroCall(body);
    if (!parsed) {
      this.report('SPL207', `bad macro call \`${body}\``, frame, callSpan);
      return close + 1;
    }
    const key = macroKey(parsed.name, parsed.args.length);
    const stack = frame.kind === 'macro' ? frame.stack : [];
    if (stack.includes(key)) {
      this.report('SPL202', `macro cycle: ${[...stack, key].join(' → ')}`, frame, callSpan);
      return close + 1;
    }
    if (stack.length >= MAX_DEPTH) {
      this.report('SPL205', `macros nested more than ${MAX_DEPTH} deep`, frame, callSpan);
      return close + 1;
    }
    const macro = this.resolve(parsed.name, parsed.args.length, frame, callSpan);
    if (!macro) return close + 1;
    const values = new Map(macro.args.map((arg, index) => [arg, parsed.args[index] ?? '']));
    this.scan(macro.definition, {
      kind: 'macro',
      macro,
      call: blame,
      values,
      stack: [...stack, key],
    });
    return close + 1;
  }

  private resolve(
    name: string,
    arity: number,
    frame: Frame,
    callSpan: Span,
  ): MacroDefinition | undefined {
    const found = this.library.get(macroKey(name, arity));
    if (found) return found;
    if (name.endsWith('_filter') && arity === 0) {
      return defineMacro(
        name,
        [],
        UNDEFINED_FILTER_DEFINITION,
        'undefined _filter macro: keeps every row',
      );
    }
    const other = [...this.library.values()].find((m) => m.name === name);
    if (other) {
      this.report(
        'SPL203',
        `macro \`${name}\` takes ${other.args.length} argument(s), called with ${arity}`,
        frame,
        callSpan,
      );
    } else {
      this.report('SPL201', `undefined macro \`${macroKey(name, arity)}\``, frame, callSpan);
    }
    return undefined;
  }

  private report(code: string, message: string, frame: Frame, at: Span): void {
    // One beyond the limit, so the parser reports that there were more (SPL014).
    if (this.diagnostics.length > MAX_SYNTAX_ERRORS) return;
    if (frame.kind === 'search') {
      this.diagnostics.push(error(code, message, { span: at }));
      return;
    }
    this.diagnostics.push(
      error(code, message, {
        span: frame.call,
        notes: [
          {
            message: `in the definition of macro \`${frame.macro.name}\` (${frame.macro.location})`,
            source: frame.macro.source,
            span: at,
          },
        ],
      }),
    );
  }
}

/** `$arg$` inside a nested call's text is replaced before the call is parsed. */
function substitute(body: string, frame: Frame): string {
  if (frame.kind !== 'macro' || frame.values.size === 0) return body;
  return body.replace(/\$([^$\s]+)\$/g, (whole, name: string) => frame.values.get(name) ?? whole);
}

export function expandMacros(text: string, library: MacroLibrary): ExpandedSearch {
  const expansion = new Expansion(library);
  expansion.scan(text, { kind: 'search' });
  return {
    text: expansion.parts.join(''),
    sourceMap: { runs: expansion.runs },
    diagnostics: expansion.diagnostics,
  };
}
