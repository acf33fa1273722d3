// Reads Splunk .conf text (props.conf, transforms.conf) into stanzas, keeping the span of every key and value.
import { type Diagnostic, error, type SourceText, span } from '../../core/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type {
  KnowledgeFile,
  KnowledgeFileKind,
  KnowledgeSetting,
  KnowledgeStanza,
} from './knowledge-text.ts';

export interface ReadKnowledgeResult {
  readonly file: KnowledgeFile;
  readonly diagnostics: readonly Diagnostic[];
}

interface StanzaDraft {
  name: string;
  nameStart: number;
  nameEnd: number;
  settings: KnowledgeSetting[];
}

/**
 * The .conf rules of Splunk's Admin manual ("About configuration files"): `[stanza]` headers,
 * `key = value` lines, `#` comment lines (a `#` later in a line is part of the value), and a
 * trailing `\` continuing a value onto the next line (the line break is kept in the value).
 * Settings before the first stanza belong to `[default]`. Every malformed line is reported and
 * skipped; the rest of the file is read.
 */
export function readConf(text: string, path: string, kind: KnowledgeFileKind): ReadKnowledgeResult {
  const source: SourceText = { name: path, text };
  const diagnostics: Diagnostic[] = [];
  const stanzas: KnowledgeStanza[] = [];
  let current: StanzaDraft = { name: 'default', nameStart: 0, nameEnd: 0, settings: [] };
  const finish = () => {
    if (current.name === 'default' && current.settings.length === 0 && current.nameEnd === 0)
      return;
    stanzas.push({
      name: current.name,
      source,
      nameSpan: span(current.nameStart, current.nameEnd),
      settings: current.settings,
    });
  };
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (offset < text.length) {
    const line = readLogicalLine(text, offset);
    offset = line.next;
    const body = line.text;
    const trimmed = body.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lead = line.start + (body.length - body.trimStart().length);
    if (trimmed.startsWith('[')) {
      const close = body.lastIndexOf(']');
      if (close < 0) {
        diagnostics.push(
          error(KNOWLEDGE_CODES.confSyntax, 'stanza header has no closing "]"', {
            source,
            span: span(lead, line.start + body.trimEnd().length),
          }),
        );
        continue;
      }
      finish();
      const inner = body.slice(body.indexOf('[') + 1, close);
      const innerStart = line.start + body.indexOf('[') + 1;
      const nameStart = innerStart + (inner.length - inner.trimStart().length);
      const name = inner.trim();
      current = { name, nameStart, nameEnd: nameStart + name.length, settings: [] };
      continue;
    }
    const eq = body.indexOf('=');
    if (eq < 0) {
      diagnostics.push(
        error(
          KNOWLEDGE_CODES.confSyntax,
          'expected "key = value", a [stanza] header or a # comment',
          {
            source,
            span: span(lead, line.start + body.trimEnd().length),
          },
        ),
      );
      continue;
    }
    const key = body.slice(0, eq).trim();
    if (key === '') {
      diagnostics.push(
        error(KNOWLEDGE_CODES.confSyntax, 'setting has no key before "="', {
          source,
          span: span(line.start + eq, line.start + eq + 1),
        }),
      );
      continue;
    }
    const rawValue = body.slice(eq + 1);
    const value = rawValue.trim();
    const valueStart = line.start + eq + 1 + (rawValue.length - rawValue.trimStart().length);
    const setting: KnowledgeSetting = {
      key,
      value,
      source,
      keySpan: span(lead, lead + key.length),
      ...(line.continued
        ? {
            valueSource: { name: `${path} (value of ${key})`, text: value },
            valueSpan: span(0, value.length),
          }
        : { valueSource: source, valueSpan: span(valueStart, valueStart + value.length) }),
    };
    current.settings.push(setting);
  }
  finish();
  return { file: { kind, source, stanzas }, diagnostics };
}

interface LogicalLine {
  /** The line with continuations joined by `\n` (backslashes removed). */
  readonly text: string;
  /** Offset of the first character of the line in the file. */
  readonly start: number;
  readonly next: number;
  /** True when a `\` continuation joined several physical lines (text offsets stop matching). */
  readonly continued: boolean;
}

function readLogicalLine(text: string, start: number): LogicalLine {
  let out = '';
  let at = start;
  let continued = false;
  for (;;) {
    let end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end + 1;
    if (end < 0) end = text.length;
    const physical = text.slice(at, end > at && text[end - 1] === '\r' ? end - 1 : end);
    if (physical.endsWith('\\') && next < text.length) {
      out += `${physical.slice(0, -1)}\n`;
      continued = true;
      at = next;
      continue;
    }
    out += physical;
    return { text: out, start, next, continued };
  }
}
