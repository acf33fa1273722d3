// REPORT-<class> = <transform>, <transform>, ...: one step per transforms.conf stanza, in list order.
import { type Diagnostic, fieldReader, span } from '../../core/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { ApplyStep } from '../model/knowledge-step.ts';
import type { KnowledgeSetting } from '../source/knowledge-text.ts';
import type { CompiledTransform } from './compile-transform.ts';
import { runExtraction } from './regex-extraction.ts';
import { valueError } from './setting-diagnostics.ts';

/** A transform by name: compiled, `unknown` (no stanza), or `failed` (already reported). */
export type TransformLookup = (name: string) => CompiledTransform | 'unknown' | 'failed';

export type ReportResult =
  | { readonly ok: true; readonly steps: readonly ApplyStep[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** props.conf.spec, REPORT-<class>: the transforms apply in the order listed. */
export function compileReport(
  setting: KnowledgeSetting,
  className: string,
  transformFor: TransformLookup,
): ReportResult {
  const diagnostics: Diagnostic[] = [];
  const steps: ApplyStep[] = [];
  const item = /[^,]+/g;
  for (let m = item.exec(setting.value); m !== null; m = item.exec(setting.value)) {
    const name = m[0].trim();
    if (name === '') continue;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const at = span(start, start + name.length);
    const transform = transformFor(name);
    if (transform === 'unknown') {
      diagnostics.push(
        valueError(
          KNOWLEDGE_CODES.unknownTransform,
          `no transforms.conf stanza [${name}] is loaded`,
          setting,
          at,
        ),
      );
      continue;
    }
    if (transform === 'failed') {
      diagnostics.push(
        valueError(
          KNOWLEDGE_CODES.badReport,
          `transform [${name}] cannot be used (its problems are reported above)`,
          setting,
          at,
        ),
      );
      continue;
    }
    const { extraction, sourceKey } = transform;
    const readSource = fieldReader(sourceKey);
    steps.push({
      phase: 'REPORT',
      label: `REPORT-${className}: ${name}`,
      writes: transform.writes,
      reads: new Set([sourceKey]),
      origin: {
        source: setting.valueSource,
        span: span(setting.valueSpan.start + at.start, setting.valueSpan.start + at.end),
      },
      apply: (event) => runExtraction(extraction, readSource(event), event),
    });
  }
  if (steps.length === 0 && diagnostics.length === 0) {
    diagnostics.push(valueError(KNOWLEDGE_CODES.badReport, 'REPORT names no transform', setting));
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, steps };
}
