// What the SPL editor asks the server as the user types: the parser's own diagnostics with their
// spans in the text (the editor draws the caret), where the leading search ends (the histogram
// counts the events it matches), and the words to complete: commands, functions, macros.
import type { Diagnostic } from '../../core/index.ts';
import type { Workspace } from '../../engine/index.ts';
import { splVocabulary } from '../../spl/index.ts';

export interface EditorDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  /** UTF-16 offsets into the search text; the whole text when the problem lies inside a macro. */
  readonly from: number;
  readonly to: number;
  /** Where a problem inside a macro's definition is (`macro sysmon (macros/sysmon.yml:3)`). */
  readonly where?: string;
}

export interface ParseAnswer {
  readonly diagnostics: readonly EditorDiagnostic[];
  /**
   * The events' time window the search reads (its own earliest=/latest= over the range given),
   * epoch seconds, when it compiles; an open side is left out. The histogram's axis.
   */
  readonly bounds?: { readonly earliest?: number; readonly latest?: number };
}

export interface ParseRequest {
  readonly spl: string;
  readonly earliest: string | undefined;
  readonly latest: string | undefined;
  readonly now: number;
}

export function parseForEditor(workspace: Workspace, request: ParseRequest): ParseAnswer {
  const { spl, earliest, latest, now } = request;
  const timeRange = {
    ...(earliest ? { earliest } : {}),
    ...(latest ? { latest } : {}),
  };
  const result = workspace.compileSearch(spl, { now, timeRange });
  if (!result.ok) return { diagnostics: result.diagnostics.map((d) => editorDiagnostic(d, spl)) };
  const bounds = result.value.timeBounds;
  return {
    diagnostics: result.warnings.map((d) => editorDiagnostic(d, spl)),
    bounds: {
      ...(bounds.earliest === undefined ? {} : { earliest: bounds.earliest }),
      ...(bounds.latest === undefined ? {} : { latest: bounds.latest }),
    },
  };
}

function editorDiagnostic(d: Diagnostic, spl: string): EditorDiagnostic {
  const inText = d.span !== undefined && (d.source === undefined || d.source.text === spl);
  const from = inText && d.span ? Math.min(d.span.start, spl.length) : 0;
  const to = inText && d.span ? Math.min(Math.max(d.span.end, from), spl.length) : spl.length;
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    from,
    to,
    ...(inText || d.source === undefined ? {} : { where: d.source.name }),
  };
}

export interface EditorVocabulary {
  readonly commands: readonly string[];
  readonly evalFunctions: readonly string[];
  readonly statsFunctions: readonly string[];
  readonly macros: readonly { readonly name: string; readonly args: readonly string[] }[];
}

export function editorVocabulary(workspace: Workspace): EditorVocabulary {
  const macros = [...workspace.content.macros.values()].map((m) => ({
    name: m.name,
    args: m.args,
  }));
  return { ...splVocabulary(), macros: macros.sort((a, b) => a.name.localeCompare(b.name)) };
}
