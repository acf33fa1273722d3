// The one YAML front door: text → parsed documents whose node ranges map to spans of the original
// text, syntax errors as located diagnostics, and (where PyYAML reads the files) the one PyYAML
// compatibility repair. Sigma rules, content files, knowledge and data-model YAML all come here.
import { Composer, type CST, type Document, Lexer, type Node, Parser, YAMLParseError } from 'yaml';
import { type Diagnostic, error, type SourceText, warning } from '../diagnostic.ts';
import { type Span, span } from '../span.ts';
import { indentQuotedContinuations } from './quoted-continuation.ts';
import { NestingMeter, type YamlNestingProblem, yamlTooDeepMessage } from './yaml-nesting.ts';

export interface YamlReadOptions {
  /** The caller's diagnostic codes: a syntax error, and the warning of a PyYAML-only file. */
  readonly codes: {
    readonly syntax: string;
    readonly pyyamlOnly?: string;
    /** Nesting deeper than MAX_YAML_NESTING (default: the syntax code). */
    readonly tooDeep?: string;
  };
  /** Every document of a `---`-separated stream (Sigma), or exactly one. */
  readonly multi?: boolean;
  /** YAML 1.1 `failsafe` keeps every scalar as text, for callers that resolve them themselves. */
  readonly schema?: 'failsafe' | 'core';
  readonly version?: '1.1' | '1.2';
  /** Refuse duplicate keys as the `yaml` package does (default); false keeps them for the caller. */
  readonly uniqueKeys?: boolean;
  /** YAML 1.1 `<<` merge keys resolved by the `yaml` package (default false: callers resolve them). */
  readonly merge?: boolean;
  /** Read a text only PyYAML accepts as PyYAML reads it, with a warning (content read by contentctl). */
  readonly pyyamlRepair?: boolean;
}

export interface YamlText {
  /** The file's name and original text: what spans point into. */
  readonly source: SourceText;
  readonly documents: readonly Document.Parsed[];
  /** The text the documents were parsed from: the original, or its PyYAML-compatible repair. */
  readonly parsedText: string;
  /** Maps an offset of the parsed text back to the original text (identity unless repaired). */
  readonly toOriginal: (offset: number) => number;
}

export interface YamlRead {
  /** Undefined when the text has syntax errors (their diagnostics say where). */
  readonly yaml: YamlText | undefined;
  /** Syntax errors with their spans; the repair warning. */
  readonly diagnostics: readonly Diagnostic[];
  /** The syntax errors of each document, when `yaml` is undefined (multi-document callers report per document). */
  readonly documents: readonly Document.Parsed[];
}

const identity = (offset: number): number => offset;

/**
 * Parses strictly first. With `pyyamlRepair`, a text that only parses once the column-0
 * continuation lines of its quoted scalars are indented (YAML 1.2 §7.3 requires the indentation,
 * PyYAML does not check it) is read so, with a warning on the first repaired line; nothing else
 * in the text changes and every offset maps back.
 */
export function readYaml(source: SourceText, options: YamlReadOptions): YamlRead {
  // The composer and every caller's walk of the tree recurse per level: hostile nesting is
  // refused from the lexer's tokens before the parser sees them.
  const first = parseSafely(source.text, options);
  if (first instanceof TooDeep) {
    return {
      yaml: undefined,
      documents: [],
      diagnostics: [
        error(options.codes.tooDeep ?? options.codes.syntax, yamlTooDeepMessage(first.problem), {
          source,
          span: span(first.problem.offset, first.problem.offset + 1),
        }),
      ],
    };
  }
  if (first instanceof Error) {
    return {
      yaml: undefined,
      documents: [],
      diagnostics: [
        error(options.codes.syntax, `YAML cannot be read: ${first.message}`, {
          source,
          span: span(0, Math.min(1, source.text.length)),
        }),
      ],
    };
  }
  if (!first.some((doc) => doc.errors.length > 0)) {
    return {
      yaml: { source, documents: first, parsedText: source.text, toOriginal: identity },
      documents: first,
      diagnostics: [],
    };
  }
  const repaired = options.pyyamlRepair ? indentQuotedContinuations(source.text) : undefined;
  if (repaired) {
    const retried = parseSafely(repaired.text, options);
    if (Array.isArray(retried) && !retried.some((doc) => doc.errors.length > 0)) {
      const line = repaired.repairedLines[0] ?? 0;
      const lineEnd = source.text.indexOf('\n', line);
      const notice = warning(
        options.codes.pyyamlOnly ?? options.codes.syntax,
        `continuation lines of a quoted scalar must be indented (YAML 1.2 §7.3); read as PyYAML reads them (${repaired.repairedLines.length} line(s))`,
        { source, span: span(line, lineEnd < 0 ? source.text.length : lineEnd) },
      );
      return {
        yaml: {
          source,
          documents: retried,
          parsedText: repaired.text,
          toOriginal: repaired.toOriginal,
        },
        documents: retried,
        diagnostics: [notice],
      };
    }
  }
  return {
    yaml: undefined,
    documents: first,
    diagnostics: first.flatMap((doc) => syntaxErrors(source, doc, options.codes.syntax)),
  };
}

/** A document's syntax errors, each under its place (one at the end of the text on its last character). */
export function syntaxErrors(source: SourceText, doc: Document.Parsed, code: string): Diagnostic[] {
  const lastCharacter = Math.max(0, source.text.trimEnd().length - 1);
  return doc.errors.map((e) => {
    const start = Math.min(e.pos[0], lastCharacter);
    return error(code, `YAML syntax error: ${firstLine(e.message)}`, {
      source,
      span: span(start, Math.max(Math.min(e.pos[1], source.text.length), start + 1)),
    });
  });
}

/**
 * The span of a node in the original text (at least one character, for the caret); `toOriginal`
 * is the YamlText's when the text was repaired.
 */
export function spanOfNode(
  node: Node | null | undefined,
  toOriginal: (offset: number) => number = identity,
): Span {
  const range = node?.range;
  if (!range) return span(0, 0);
  const start = toOriginal(range[0]);
  const end = toOriginal(range[1]);
  return span(start, Math.max(end, start + 1));
}

/** A text nested deeper than MAX_YAML_NESTING, found while it was lexed (nothing was composed). */
class TooDeep {
  readonly problem: YamlNestingProblem;

  constructor(problem: YamlNestingProblem) {
    this.problem = problem;
  }
}

/**
 * `parseAllDocuments` (or `parseDocument`) of the `yaml` package, lexing the text once: each
 * token is measured (NestingMeter) before the parser gets it. The composer recurses per nesting
 * level: whatever still overflows it is an Error, not a crash.
 */
function parseSafely(text: string, options: YamlReadOptions): Document.Parsed[] | Error | TooDeep {
  const parse = {
    prettyErrors: false,
    uniqueKeys: options.uniqueKeys ?? true,
    merge: options.merge ?? false,
    ...(options.version ? { version: options.version } : {}),
    ...(options.schema ? { schema: options.schema } : {}),
  };
  // The parser's document tokens of the whole text first: nothing is composed (the composer
  // recurses) before every token is measured.
  const meter = new NestingMeter();
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  // The `yaml` package's parser reads process.env.LOG_TOKENS for every token, and its composer
  // LOG_STREAM per document: process.env is a getter into the C++ environment, ~0.4 s over the
  // SigmaHQ tree's 870k tokens. They read a plain copy of those two while this synchronous call
  // runs (nothing else reads the environment meanwhile); the real one is back in `finally`.
  const environment = process.env;
  process.env = { LOG_TOKENS: environment['LOG_TOKENS'], LOG_STREAM: environment['LOG_STREAM'] };
  try {
    for (const lexeme of new Lexer().lex(text)) {
      const problem = meter.next(lexeme);
      if (problem !== undefined) return new TooDeep(problem);
      for (const token of parser.next(lexeme)) tokens.push(token);
    }
    for (const token of parser.end()) tokens.push(token);
    const composer = new Composer(parse);
    if (options.multi) return Array.from(composer.compose(tokens));
    // As parseDocument: one document, a second one is an error of the first.
    let doc: Document.Parsed | undefined;
    for (const next of composer.compose(tokens, true, text.length)) {
      if (doc === undefined) doc = next;
      else {
        doc.errors.push(
          new YAMLParseError(
            [next.range[0], next.range[1]],
            'MULTIPLE_DOCS',
            'Source contains multiple documents; please use YAML.parseAllDocuments()',
          ),
        );
        break;
      }
    }
    return doc === undefined ? [] : [doc];
  } catch (cause) {
    return cause instanceof Error ? cause : new Error(String(cause));
  } finally {
    process.env = environment;
  }
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The yaml package appends "at line L, column C"; the caret shows the position already.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
