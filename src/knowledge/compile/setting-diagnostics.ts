// Diagnostics that point into a setting's key or value, and the .conf boolean rule.
import { type Diagnostic, error, type Span, span, warning } from '../../core/index.ts';
import type { KnowledgeSetting } from '../source/knowledge-text.ts';

/** An error under the setting's value, or under `within` (offsets relative to the value). */
export function valueError(
  code: string,
  message: string,
  setting: KnowledgeSetting,
  within?: Span,
): Diagnostic {
  return error(code, message, { source: setting.valueSource, span: valueSpan(setting, within) });
}

export function valueWarning(
  code: string,
  message: string,
  setting: KnowledgeSetting,
  within?: Span,
): Diagnostic {
  return warning(code, message, { source: setting.valueSource, span: valueSpan(setting, within) });
}

export function keyWarning(code: string, message: string, setting: KnowledgeSetting): Diagnostic {
  return warning(code, message, { source: setting.source, span: setting.keySpan });
}

function valueSpan(setting: KnowledgeSetting, within: Span | undefined): Span {
  const start = setting.valueSpan.start;
  if (within === undefined) {
    // An empty value still gets a one-character caret where it would be.
    return setting.valueSpan.end > start ? setting.valueSpan : span(start, start + 1);
  }
  return span(start + within.start, start + Math.max(within.end, within.start + 1));
}

const TRUE = new Set(['true', 't', '1', 'yes', 'y', 'on']);
const FALSE = new Set(['false', 'f', '0', 'no', 'n', 'off']);

/** Splunk .conf booleans (Admin manual, "Configuration file structure"); undefined if neither. */
export function parseConfBoolean(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return undefined;
}
