// One YAML content file parsed with its node ranges kept, so later problems can point into it.

import { type Document, isMap, parseDocument } from 'yaml';
import {
  type Diagnostic,
  error,
  type SourceText,
  span,
  warning,
  yamlTooDeep,
  yamlTooDeepMessage,
} from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import { indentQuotedContinuations } from './quoted-continuation.ts';

export interface YamlSource {
  /** The file's path as shown in diagnostics, and its original text. */
  readonly source: SourceText;
  readonly document: Document.Parsed;
  /** The text the document was parsed from: the original, or its PyYAML-compatible repair. */
  readonly parsedText: string;
  /** Maps an offset of the parsed text back to the original text (identity unless repaired). */
  readonly toOriginal: (offset: number) => number;
}

export interface ParsedYaml {
  /** Undefined when the file is not a YAML mapping that could be read. */
  readonly yaml: YamlSource | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const identity = (offset: number): number => offset;

/**
 * Parses a content file. A file that only PyYAML accepts (under-indented continuation lines of a
 * quoted scalar, see quoted-continuation.ts) is read as PyYAML reads it, with a warning.
 */
export function parseYamlSource(name: string, text: string): ParsedYaml {
  const source: SourceText = { name, text };
  const deep = yamlTooDeep(text);
  if (deep !== undefined) {
    return {
      yaml: undefined,
      diagnostics: [
        error(CONTENT_CODES.yamlSyntax, yamlTooDeepMessage(deep), {
          source,
          span: span(deep.offset, deep.offset + 1),
        }),
      ],
    };
  }
  const document = parseSafely(text);
  if (document instanceof Error) {
    return {
      yaml: undefined,
      diagnostics: [
        error(CONTENT_CODES.yamlSyntax, `YAML cannot be read: ${document.message}`, {
          source,
          span: span(0, Math.min(1, text.length)),
        }),
      ],
    };
  }
  if (document.errors.length === 0)
    return checkMapping({ source, document, parsedText: text, toOriginal: identity });

  const repaired = indentQuotedContinuations(text);
  if (repaired) {
    const retried = parseSafely(repaired.text);
    if (!(retried instanceof Error) && retried.errors.length === 0) {
      const first = repaired.repairedLines[0] ?? 0;
      const lineEnd = text.indexOf('\n', first);
      const notice = warning(
        CONTENT_CODES.yamlPyyamlOnly,
        `continuation lines of a quoted scalar must be indented (YAML 1.2 §7.3); read as PyYAML reads them (${repaired.repairedLines.length} line(s))`,
        { source, span: span(first, lineEnd < 0 ? text.length : lineEnd) },
      );
      const parsed = checkMapping({
        source,
        document: retried,
        parsedText: repaired.text,
        toOriginal: repaired.toOriginal,
      });
      return { yaml: parsed.yaml, diagnostics: [notice, ...parsed.diagnostics] };
    }
  }
  // An error found at the end of the text (an unclosed bracket) is shown on its last character.
  const lastCharacter = Math.max(0, text.trimEnd().length - 1);
  const diagnostics = document.errors.map((e) => {
    const start = Math.min(e.pos[0], lastCharacter);
    return error(CONTENT_CODES.yamlSyntax, `YAML syntax error: ${firstLine(e.message)}`, {
      source,
      span: span(start, Math.max(Math.min(e.pos[1], text.length), start + 1)),
    });
  });
  return { yaml: undefined, diagnostics };
}

/** The parser recurses per nesting level: absurdly deep input must be a diagnostic, not a crash. */
function parseSafely(text: string): Document.Parsed | Error {
  try {
    return parseDocument(text, { prettyErrors: false });
  } catch (cause) {
    return cause instanceof Error ? cause : new Error(String(cause));
  }
}

function checkMapping(yaml: YamlSource): ParsedYaml {
  if (isMap(yaml.document.contents)) return { yaml, diagnostics: [] };
  const what = yaml.document.contents === null ? 'the file is empty' : 'the file is not a mapping';
  return {
    yaml: undefined,
    diagnostics: [
      error(CONTENT_CODES.notAMapping, `${what}: a content file is a YAML mapping of fields`, {
        source: yaml.source,
        span: span(0, Math.min(1, yaml.source.text.length)),
      }),
    ],
  };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The yaml package appends "at line L, column C"; the caret shows the position already.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
