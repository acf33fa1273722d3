// The server parser's diagnostics under the editor, drawn as the CLI draws them: the line of the
// search, and a caret under the span.
import type { EditorDiagnostic } from '../../spl-editor/spl-editor.ts';

export function caretLines(
  text: string,
  from: number,
  to: number,
): { line: string; caret: string; number: number } {
  const start = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
  const endOfLine = text.indexOf('\n', from);
  const end = endOfLine < 0 ? text.length : endOfLine;
  const line = text.slice(start, end);
  const width = Math.max(1, Math.min(to, end) - from);
  return {
    line,
    caret: `${' '.repeat(from - start)}${'^'.repeat(width)}`,
    number: text.slice(0, start).split('\n').length,
  };
}

export function DiagnosticsView({
  text,
  diagnostics,
}: {
  text: string;
  diagnostics: readonly EditorDiagnostic[];
}) {
  if (diagnostics.length === 0) return null;
  return (
    <div class="diagnostics" data-testid="diagnostics">
      {diagnostics.map((d, i) => {
        const c = caretLines(text, d.from, d.to);
        return (
          <div key={i} class={`diagnostic ${d.severity}`}>
            <div>
              {d.severity}[{d.code}]: {d.message}
              {d.where ? ` (in ${d.where})` : ''}
            </div>
            <pre>
              {`${c.number} | ${c.line}\n${' '.repeat(String(c.number).length)} | ${c.caret}`}
            </pre>
          </div>
        );
      })}
    </div>
  );
}
