// The SPL editor: CodeMirror 6 inside a shadow root (so its styles are constructed style sheets,
// which the page's strict Content-Security-Policy allows, rather than <style> elements, which it
// refuses), with SPL highlighting, completion, and the server parser's diagnostics as you type.
import { autocompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, linter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { EditorDiagnostic } from '../../../src/server/ui/ui-api-types.ts';
import { splCompletion, type Vocabulary } from './spl-completion.ts';

export type { EditorDiagnostic } from '../../../src/server/ui/ui-api-types.ts';

import { splLanguage } from './spl-language.ts';

export interface SplEditorOptions {
  readonly parent: HTMLElement;
  readonly doc: string;
  readonly onChange: (text: string) => void;
  readonly onRun: () => void;
  readonly check: (text: string) => Promise<readonly EditorDiagnostic[]>;
  readonly onDiagnostics: (text: string, found: readonly EditorDiagnostic[]) => void;
  readonly vocabulary: () => Vocabulary | undefined;
  readonly fields: () => readonly string[];
}

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: '#0b5cad', fontWeight: 'bold' },
  { tag: tags.function(tags.variableName), color: '#7b2fa8' },
  { tag: tags.propertyName, color: '#a35200' },
  { tag: tags.macroName, color: '#00796b', fontStyle: 'italic' },
  { tag: tags.string, color: '#2e7d32' },
  { tag: tags.number, color: '#c62828' },
  { tag: tags.operatorKeyword, color: '#6a1b9a', fontWeight: 'bold' },
  { tag: tags.operator, color: '#0b5cad', fontWeight: 'bold' },
]);

const theme = EditorView.theme({
  '&': { fontSize: '14px', border: '1px solid #b0b7c3', borderRadius: '4px', background: '#fff' },
  '&.cm-focused': { outline: '2px solid #4c8bf5' },
  '.cm-content': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', minHeight: '3.2em' },
  '.cm-scroller': { maxHeight: '14em' },
});

export function createSplEditor(options: SplEditorOptions): EditorView {
  const shadow = options.parent.attachShadow({ mode: 'open' });
  const lint = linter(
    async (view): Promise<Diagnostic[]> => {
      const text = view.state.doc.toString();
      if (text.trim() === '') {
        options.onDiagnostics(text, []);
        return [];
      }
      let found: readonly EditorDiagnostic[];
      try {
        found = await options.check(text);
      } catch {
        return [];
      }
      if (view.state.doc.toString() !== text) return [];
      options.onDiagnostics(text, found);
      const length = view.state.doc.length;
      return found.map((d) => {
        const from = Math.min(d.from, length);
        const to = Math.min(Math.max(d.to, from + 1), length);
        return {
          from: to > from ? from : Math.max(0, from - 1),
          to,
          severity: d.severity,
          message: `${d.code}: ${d.message}`,
        };
      });
    },
    { delay: 300 },
  );
  const runCommand = () => {
    options.onRun();
    return true;
  };
  return new EditorView({
    root: shadow,
    parent: shadow,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        history(),
        keymap.of([
          { key: 'Enter', run: runCommand },
          { key: 'Mod-Enter', run: runCommand },
          ...historyKeymap,
          ...defaultKeymap,
        ]),
        EditorView.lineWrapping,
        placeholder('index=wineventlog EventCode=1 | stats count by host'),
        splLanguage,
        syntaxHighlighting(highlight),
        autocompletion({ override: [splCompletion(options.vocabulary, options.fields)] }),
        lint,
        theme,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
        EditorView.contentAttributes.of({
          'aria-label': 'SPL search',
          'data-testid': 'spl-editor',
        }),
      ],
    }),
  });
}

/** Replaces the whole text (a recent search picked, a field value added). */
export function setEditorText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
