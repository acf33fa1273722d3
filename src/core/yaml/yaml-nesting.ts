// How deeply a YAML text nests, read from the `yaml` package's lexer (which does not recurse)
// before anything that does (its parser, every loader's walk of the tree) sees the text.
//
// The figure is an upper bound, not the exact depth: a block line counts twice its indentation
// level (a sequence may sit at its key's indentation) plus its `-`, `?` and `:` indicators, and
// flow collections count their brackets. No rule, detection or props file comes near the limit.
import { CST, Lexer } from 'yaml';

/** Nesting above this is refused by every YAML loader. */
export const MAX_YAML_NESTING = 128;

export interface YamlNestingProblem {
  /** Where the text first nests deeper than the limit (UTF-16 offset). */
  readonly offset: number;
  readonly limit: number;
}

/** The message every loader gives for it. */
export function yamlTooDeepMessage(problem: YamlNestingProblem): string {
  return `YAML nested deeper than ${problem.limit} levels is not read`;
}

/** The first place `text` nests deeper than `limit`, or undefined. */
export function yamlTooDeep(
  text: string,
  limit = MAX_YAML_NESTING,
): YamlNestingProblem | undefined {
  let offset = 0;
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let lineIndent = 0;
  let indicators = 0;
  let scalarNext = false;
  const settle = (): void => {
    if (!lineStart) return;
    lineStart = false;
    if (flow > 0) return;
    while (indents.length > 0 && (indents[indents.length - 1] as number) > lineIndent)
      indents.pop();
    if (indents.length === 0 || (indents[indents.length - 1] as number) < lineIndent) {
      indents.push(lineIndent);
    }
  };
  for (const token of new Lexer().lex(text)) {
    // Control tokens of the lexer are not source text; a scalar marker announces scalar text.
    if (token === '\x1f') {
      scalarNext = true;
      continue;
    }
    if (token.length === 1 && token.charCodeAt(0) < 0x20 && token !== '\n' && token !== '\t')
      continue;
    const at = offset;
    offset += token.length;
    if (scalarNext) {
      scalarNext = false;
      settle();
      continue;
    }
    switch (CST.tokenType(token)) {
      case 'newline':
        lineStart = true;
        lineIndent = 0;
        indicators = 0;
        continue;
      case 'space':
        if (lineStart) lineIndent = token.length;
        continue;
      case 'comment':
        continue;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        settle();
        if (flow === 0) indicators++;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        settle();
        flow++;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        flow = Math.max(0, flow - 1);
        continue;
      default:
        settle();
        continue;
    }
    if (2 * indents.length + indicators + flow > limit) return { offset: at, limit };
  }
  return undefined;
}
