// One YAML content file read through the YAML front door (node ranges kept, so later problems can
// point into it; read as contentctl's PyYAML reads it) and checked to be a mapping.
import type { Document } from 'yaml';
import { isMap } from 'yaml';
import { type Diagnostic, error, readYaml, type SourceText, span } from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';

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

export function parseYamlSource(name: string, text: string): ParsedYaml {
  const read = readYaml(
    { name, text },
    {
      codes: { syntax: CONTENT_CODES.yamlSyntax, pyyamlOnly: CONTENT_CODES.yamlPyyamlOnly },
      pyyamlRepair: true,
      uniqueKeys: true,
    },
  );
  const document = read.yaml?.documents[0];
  if (read.yaml === undefined || document === undefined) {
    return { yaml: undefined, diagnostics: read.diagnostics };
  }
  const yaml: YamlSource = { ...read.yaml, document };
  if (isMap(document.contents)) return { yaml, diagnostics: read.diagnostics };
  const what = document.contents === null ? 'the file is empty' : 'the file is not a mapping';
  return {
    yaml: undefined,
    diagnostics: [
      ...read.diagnostics,
      error(CONTENT_CODES.notAMapping, `${what}: a content file is a YAML mapping of fields`, {
        source: yaml.source,
        span: span(0, Math.min(1, yaml.source.text.length)),
      }),
    ],
  };
}
