// Test helper: compiles knowledge written in the test (props/transforms text or YAML) and applies it to events.
import type { Diagnostic } from '../../src/core/diagnostic.ts';
import type { Event } from '../../src/core/event.ts';
import { createKnowledgeApplier } from '../../src/knowledge/apply/field-knowledge.ts';
import {
  type CompileKnowledgeOptions,
  compileKnowledge,
  type KnowledgeBase,
} from '../../src/knowledge/compile/compile-knowledge.ts';
import type { KnowledgeFile } from '../../src/knowledge/source/knowledge-text.ts';
import { readKnowledgeText } from '../../src/knowledge/source/load-knowledge-files.ts';
import type { FieldNeed } from '../../src/spl/operators/field-need.ts';

export interface KnowledgeTexts {
  readonly props?: string;
  readonly transforms?: string;
  readonly yaml?: string;
  /** Lookup CSV file name → path. */
  readonly lookupFiles?: ReadonlyMap<string, string>;
}

export function knowledgeOf(
  texts: KnowledgeTexts,
  options: CompileKnowledgeOptions = {},
): { readonly base: KnowledgeBase; readonly diagnostics: readonly Diagnostic[] } {
  const files: KnowledgeFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const read = (text: string | undefined, name: string) => {
    if (text === undefined) return;
    const result = readKnowledgeText(text, name);
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
  };
  read(texts.transforms, 'transforms.conf');
  read(texts.props, 'props.conf');
  read(texts.yaml, 'knowledge.yml');
  return compileKnowledge(
    { files, lookupFiles: texts.lookupFiles ?? new Map(), diagnostics },
    options,
  );
}

/** Knowledge that must compile cleanly; throws with the diagnostics otherwise. */
export function cleanKnowledge(texts: KnowledgeTexts, options: CompileKnowledgeOptions = {}) {
  const { base, diagnostics } = knowledgeOf(texts, options);
  if (diagnostics.length > 0) {
    throw new Error(diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  }
  return base;
}

/** Applies `base` to copies of `events` for `need` and returns them. */
export function applyKnowledge(
  base: KnowledgeBase,
  events: readonly Event[],
  need: FieldNeed = 'all',
): Event[] {
  const copies = events.map((e) => ({ ...e }));
  createKnowledgeApplier(base, need).apply(copies);
  return copies;
}

/** An event as the readers give a Windows event log record. */
export function windowsEvent(channel: string, fields: Event): Event {
  return {
    _time: 1_700_000_000,
    index: 'wineventlog',
    host: 'ws1.corp.example',
    source: `XmlWinEventLog:${channel}`,
    sourcetype: 'XmlWinEventLog',
    Channel: channel,
    Computer: 'ws1.corp.example',
    UserID: 'S-1-5-18',
    ...fields,
  };
}

/** The text a diagnostic's span covers. */
export function spanned(d: Diagnostic | undefined): string | undefined {
  return d?.source && d.span ? d.source.text.slice(d.span.start, d.span.end) : undefined;
}
