// Completion in the SPL editor: command names after `|` or `[`, macro names inside backticks,
// otherwise fields (from the last results) and eval and stats functions.
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorVocabulary } from '../../../src/server/ui/ui-api-types.ts';

export type Vocabulary = EditorVocabulary;

export function splCompletion(
  vocabulary: () => Vocabulary | undefined,
  fields: () => readonly string[],
) {
  return (context: CompletionContext): CompletionResult | null => {
    const words = vocabulary();
    if (words === undefined) return null;
    const macro = context.matchBefore(/`[\w-]*$/);
    if (macro) {
      return {
        from: macro.from + 1,
        options: words.macros.map(
          (m): Completion => ({
            label: m.name,
            type: 'macro',
            ...(m.args.length > 0 ? { detail: `(${m.args.join(', ')})` } : {}),
            apply: m.args.length > 0 ? `${m.name}()\`` : `${m.name}\``,
          }),
        ),
      };
    }
    const word = context.matchBefore(/[\w.:-]*$/);
    if (word === null || (word.from === word.to && !context.explicit)) return null;
    const before = context.state.sliceDoc(Math.max(0, word.from - 40), word.from);
    if (/(^|[|[])\s*$/.test(before)) {
      return {
        from: word.from,
        options: words.commands.map((c) => ({ label: c, type: 'keyword' })),
      };
    }
    const functions = [...new Set([...words.evalFunctions, ...words.statsFunctions])];
    return {
      from: word.from,
      options: [
        ...fields().map((f): Completion => ({ label: f, type: 'property' })),
        ...functions.map((f): Completion => ({ label: f, type: 'function', apply: `${f}(` })),
      ],
    };
  };
}
