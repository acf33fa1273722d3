// What the SPL editor asks the server as the user types: the parser's own diagnostics with their
// spans in the text (the editor draws the caret), where the leading search ends (the histogram
// counts the events it matches), and the words to complete: commands, functions, macros.
import type { Diagnostic } from '../../core/index.ts';
import type { Workspace } from '../../engine/index.ts';
import { splVocabulary } from '../../spl/index.ts';
import type { EditorDiagnostic, EditorVocabulary, ParseAnswer } from './ui-api-types.ts';

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

export function editorVocabulary(workspace: Workspace): EditorVocabulary {
  const macros = [...workspace.content.macros.values()].map((m) => ({
    name: m.name,
    args: m.args,
  }));
  return { ...splVocabulary(), macros: macros.sort((a, b) => a.name.localeCompare(b.name)) };
}
