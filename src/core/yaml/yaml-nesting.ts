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
  const meter = new NestingMeter(limit);
  for (const token of new Lexer().lex(text)) {
    const problem = meter.next(token);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * The measure of `yamlTooDeep`, one lexer token at a time: the YAML front door feeds it the
 * tokens it gives the parser, so a text is lexed once.
 */
export class NestingMeter {
  private readonly limit: number;
  private offset = 0;
  private flow = 0;
  private readonly indents: number[] = [];
  private lineStart = true;
  private lineIndent = 0;
  private indicators = 0;
  private scalarNext = false;

  constructor(limit = MAX_YAML_NESTING) {
    this.limit = limit;
  }

  /** The token's place when it takes the text past the limit, else undefined. */
  next(token: string): YamlNestingProblem | undefined {
    // Control tokens of the lexer are not source text; a scalar marker announces scalar text.
    if (token === '\x1f') {
      this.scalarNext = true;
      return undefined;
    }
    if (token.length === 1 && token.charCodeAt(0) < 0x20 && token !== '\n' && token !== '\t')
      return undefined;
    const at = this.offset;
    this.offset += token.length;
    if (this.scalarNext) {
      this.scalarNext = false;
      this.settle();
      return undefined;
    }
    switch (CST.tokenType(token)) {
      case 'newline':
        this.lineStart = true;
        this.lineIndent = 0;
        this.indicators = 0;
        return undefined;
      case 'space':
        if (this.lineStart) this.lineIndent = token.length;
        return undefined;
      case 'comment':
        return undefined;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        this.settle();
        if (this.flow === 0) this.indicators++;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        this.settle();
        this.flow++;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        this.flow = Math.max(0, this.flow - 1);
        return undefined;
      default:
        this.settle();
        return undefined;
    }
    if (2 * this.indents.length + this.indicators + this.flow > this.limit)
      return { offset: at, limit: this.limit };
    return undefined;
  }

  private settle(): void {
    if (!this.lineStart) return;
    this.lineStart = false;
    if (this.flow > 0) return;
    const { indents } = this;
    while (indents.length > 0 && (indents[indents.length - 1] as number) > this.lineIndent)
      indents.pop();
    if (indents.length === 0 || (indents[indents.length - 1] as number) < this.lineIndent) {
      indents.push(this.lineIndent);
    }
  }
}
