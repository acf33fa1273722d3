// The SPL front end: search text → ParsedSpl (expand macros → tokenize → parse → analyze).
import type { Diagnostic, SourceText } from '../core/index.ts';
import { analyze } from './analyze/analyze.ts';
import type { Pipeline } from './ast/pipeline.ts';
import { splitPipeline } from './lexer/index.ts';
import { BUILTIN_MACROS } from './macros/builtin-macros.ts';
import { expandMacros } from './macros/expand-macros.ts';
import { type MacroLibrary, macroLibrary } from './macros/macro.ts';
import { mapSpan, type SourceMap } from './macros/source-map.ts';
import { parsePipeline } from './parser/parse-pipeline.ts';

export interface ParseSplOptions {
  /** Defaults to the built-in macros only (`drop_dm_object_name`). */
  readonly macros?: MacroLibrary;
  /** Shown in diagnostics (`-->` line): a file path or `search`. */
  readonly sourceName?: string;
}

export interface ParsedSpl {
  readonly pipeline: Pipeline;
  /** The search as written. Every diagnostic's span points into it. */
  readonly source: SourceText;
  /** The search after macro expansion. AST spans are offsets into this text. */
  readonly expanded: SourceText;
  readonly sourceMap: SourceMap;
  /** Expansion, syntax and analysis problems, all at once; errors mean the search is unusable. */
  readonly diagnostics: readonly Diagnostic[];
}

const DEFAULT_MACROS = macroLibrary(BUILTIN_MACROS);

export function parseSpl(text: string, options: ParseSplOptions = {}): ParsedSpl {
  const source: SourceText = { name: options.sourceName ?? 'search', text };
  const expansion = expandMacros(text, options.macros ?? DEFAULT_MACROS);
  const tokens = splitPipeline(expansion.text, 0, expansion.text.length);
  const parsed = parsePipeline(expansion.text, tokens);
  const analysis = analyze(parsed.pipeline);
  const located = [...parsed.diagnostics, ...analysis].map((d) =>
    locateDiagnostic(d, expansion.sourceMap, source),
  );
  return {
    pipeline: parsed.pipeline,
    source,
    expanded: { name: `${source.name} (expanded)`, text: expansion.text },
    sourceMap: expansion.sourceMap,
    diagnostics: [...expansion.diagnostics.map((d) => ({ ...d, source })), ...located],
  };
}

/**
 * Moves a diagnostic whose span points into the expanded text onto the text the user wrote; a
 * span inside a macro expansion points at the macro call, with a note into the definition.
 * Later stages (compile) use this for their own diagnostics on AST spans.
 */
export function locateDiagnostic(
  diagnostic: Diagnostic,
  map: SourceMap,
  source: SourceText,
): Diagnostic {
  if (!diagnostic.span) return { ...diagnostic, source };
  const mapped = mapSpan(map, diagnostic.span);
  const notes = [...(mapped.note ? [mapped.note] : []), ...(diagnostic.notes ?? [])];
  return { ...diagnostic, source, span: mapped.span, ...(notes.length > 0 ? { notes } : {}) };
}
