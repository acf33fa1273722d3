// SPL highlighting for CodeMirror 6: commands (the word after `|` or `[`, and a leading
// `search`), functions (a word before `(`), fields (a word before `=`, `!=`, `<`, `>`), macros
// (between backticks), strings, numbers and the boolean operators. A tokenizer, not a parser: the
// server's parser is the judge of what is valid and says so in the diagnostics.
import { StreamLanguage, type StringStream } from '@codemirror/language';

interface SplState {
  /** The next word is a command name. */
  command: boolean;
}

const OPERATORS = new Set([
  'AND',
  'OR',
  'NOT',
  'BY',
  'AS',
  'OVER',
  'WHERE',
  'IN',
  'OUTPUT',
  'OUTPUTNEW',
]);

function token(stream: StringStream, state: SplState): string | null {
  if (stream.eatSpace()) return null;
  const ch = stream.peek();
  if (ch === '|' || ch === '[') {
    stream.next();
    state.command = true;
    return ch === '|' ? 'operator' : 'bracket';
  }
  if (ch === ']') {
    stream.next();
    return 'bracket';
  }
  if (ch === '"') {
    stream.next();
    let escaped = false;
    for (let c = stream.next(); c !== undefined; c = stream.next()) {
      if (c === '"' && !escaped) break;
      escaped = c === '\\' && !escaped;
    }
    return 'string';
  }
  if (ch === '`') {
    stream.next();
    stream.skipTo('`') ? stream.next() : stream.skipToEnd();
    return 'macroName';
  }
  if (stream.match(/^-?\d+(\.\d+)?\b/)) {
    state.command = false;
    return 'number';
  }
  const word = stream.match(/^[A-Za-z_][\w.:*-]*/) as RegExpMatchArray | null;
  if (word) {
    const text = word[0];
    if (state.command || (stream.start === 0 && /^search$/i.test(text))) {
      state.command = false;
      return 'keyword';
    }
    if (OPERATORS.has(text)) return 'operatorKeyword';
    if (stream.match(/^\s*\(/, false)) return 'variableName.function';
    if (stream.match(/^\s*(=|!=|<|>)/, false)) return 'propertyName';
    return 'variableName';
  }
  stream.next();
  return null;
}

export const splLanguage = StreamLanguage.define<SplState>({
  name: 'spl',
  startState: () => ({ command: false }),
  copyState: (state) => ({ ...state }),
  token,
  languageData: { commentTokens: {} },
});
