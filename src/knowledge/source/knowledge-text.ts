// Knowledge as read from a file: stanzas of settings with where each is written, for props and transforms alike.
import type { SourceText, Span } from '../../core/index.ts';

export type KnowledgeFileKind = 'props' | 'transforms';

/** One `KEY = value` (props.conf/transforms.conf) or `KEY: value` (YAML) setting. */
export interface KnowledgeSetting {
  readonly key: string;
  readonly value: string;
  /** The file the key is written in, and the key's span in it. */
  readonly source: SourceText;
  readonly keySpan: Span;
  /**
   * A text holding the value at `valueSpan` (`value === valueSource.text.slice(start, end)`): the
   * file itself when the value is written verbatim, else a text of the value alone (a continued
   * .conf line, a quoted YAML scalar), so expression diagnostics still point at the right place.
   */
  readonly valueSource: SourceText;
  readonly valueSpan: Span;
}

export interface KnowledgeStanza {
  /** As written between the brackets (or as the YAML key), trimmed. */
  readonly name: string;
  readonly source: SourceText;
  readonly nameSpan: Span;
  /** In file order; a key written twice keeps the later value (Splunk's .conf rule). */
  readonly settings: readonly KnowledgeSetting[];
}

export interface KnowledgeFile {
  readonly kind: KnowledgeFileKind;
  readonly source: SourceText;
  readonly stanzas: readonly KnowledgeStanza[];
}
