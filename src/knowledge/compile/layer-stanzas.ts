// Layers same-named stanzas of every loaded file into one, a later file's setting replacing an earlier one.
import type { SourceText, Span } from '../../core/index.ts';
import type {
  KnowledgeFile,
  KnowledgeFileKind,
  KnowledgeSetting,
} from '../source/knowledge-text.ts';

export interface LayeredStanza {
  readonly name: string;
  /** Where the stanza is first written (for diagnostics that concern the whole stanza). */
  readonly source: SourceText;
  readonly nameSpan: Span;
  readonly settings: ReadonlyMap<string, KnowledgeSetting>;
  /** 0-based order in which the stanza first appeared across the loaded files. */
  readonly order: number;
}

/**
 * Splunk merges a stanza written in several configuration files setting by setting, the file of
 * higher precedence winning (Admin manual, "Configuration file precedence"); here files loaded
 * later take precedence (built-in first, then each `--props` in order).
 */
export function layerStanzas(
  files: readonly KnowledgeFile[],
  kind: KnowledgeFileKind,
): LayeredStanza[] {
  const byName = new Map<
    string,
    { source: SourceText; nameSpan: Span; settings: Map<string, KnowledgeSetting>; order: number }
  >();
  for (const file of files) {
    if (file.kind !== kind) continue;
    for (const stanza of file.stanzas) {
      let layered = byName.get(stanza.name);
      if (layered === undefined) {
        layered = {
          source: stanza.source,
          nameSpan: stanza.nameSpan,
          settings: new Map(),
          order: byName.size,
        };
        byName.set(stanza.name, layered);
      }
      for (const setting of stanza.settings) layered.settings.set(setting.key, setting);
    }
  }
  return [...byName].map(([name, layered]) => ({ name, ...layered }));
}
