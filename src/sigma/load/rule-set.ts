// A loaded set of Sigma documents with cross-document checks (duplicate ids, rule references).

import { type Diagnostic, error, type SourceText, warning } from '../../core/index.ts';
import { SIGMA_CODES } from '../diagnostic-codes.ts';
import type { SigmaCorrelation, SigmaDocument, SigmaFilter, SigmaRule } from '../model/rule.ts';
import { type LoadedDocument, loadSigmaText } from './load-sigma-text.ts';

export interface SigmaRuleSet {
  readonly rules: readonly SigmaRule[];
  readonly correlations: readonly SigmaCorrelation[];
  readonly filters: readonly SigmaFilter[];
  /** Every document read, loaded or not, with its own diagnostics. */
  readonly documents: readonly LoadedDocument[];
  /** Problems between documents (duplicate ids, unresolved references) and unreadable files. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads every text; one bad document never stops the others. */
export function loadSigmaRuleSet(
  sources: readonly SourceText[],
  fileProblems: readonly Diagnostic[] = [],
): SigmaRuleSet {
  const documents = sources.flatMap((s) => loadSigmaText(s));
  return linkRuleSet(documents, fileProblems);
}

function linkRuleSet(
  documents: readonly LoadedDocument[],
  fileProblems: readonly Diagnostic[] = [],
): SigmaRuleSet {
  const diagnostics: Diagnostic[] = [...fileProblems];
  const loaded = documents.flatMap((d) => (d.document ? [d.document] : []));
  const byRef = new Map<string, SigmaDocument>();
  for (const doc of loaded) {
    if (doc.kind === 'filter') continue;
    for (const ref of [doc.id, doc.name]) {
      if (ref === undefined) continue;
      const other = byRef.get(ref);
      if (other !== undefined) {
        diagnostics.push(
          warning(
            SIGMA_CODES.duplicateRuleId,
            `"${ref}" identifies more than one rule; references use the first`,
            {
              source: doc.origin.source,
              span: doc.origin.span,
              notes: [
                { message: 'also used here', source: other.origin.source, span: other.origin.span },
              ],
            },
          ),
        );
      } else byRef.set(ref, doc);
    }
  }
  const correlations: SigmaCorrelation[] = [];
  for (const doc of loaded) {
    if (doc.kind !== 'correlation') continue;
    const missing = doc.rules.filter((r) => !byRef.has(r));
    if (missing.length > 0) {
      diagnostics.push(
        error(
          SIGMA_CODES.unknownRuleReference,
          `correlation refers to rules that are not loaded: ${missing.join(', ')}`,
          {
            source: doc.origin.source,
            span: doc.origin.span,
          },
        ),
      );
    } else if (referencesItself(doc, byRef)) {
      diagnostics.push(
        error(SIGMA_CODES.badCorrelation, 'correlation chain refers back to itself', {
          source: doc.origin.source,
          span: doc.origin.span,
        }),
      );
    } else correlations.push(doc);
  }
  const filters: SigmaFilter[] = [];
  for (const doc of loaded) {
    if (doc.kind !== 'filter') continue;
    if (doc.rules !== 'any') {
      const missing = doc.rules.filter((r) => !byRef.has(r));
      if (missing.length > 0) {
        diagnostics.push(
          warning(
            SIGMA_CODES.unknownRuleReference,
            `filter refers to rules that are not loaded: ${missing.join(', ')}`,
            {
              source: doc.origin.source,
              span: doc.origin.span,
            },
          ),
        );
      }
    }
    filters.push(doc);
  }
  return {
    rules: loaded.filter((d): d is SigmaRule => d.kind === 'rule'),
    correlations,
    filters,
    documents,
    diagnostics,
  };
}

function referencesItself(
  start: SigmaCorrelation,
  byRef: ReadonlyMap<string, SigmaDocument>,
): boolean {
  const seen = new Set<SigmaDocument>();
  const stack: SigmaDocument[] = [start];
  while (stack.length > 0) {
    const doc = stack.pop() as SigmaDocument;
    if (doc.kind !== 'correlation') continue;
    for (const ref of doc.rules) {
      const target = byRef.get(ref);
      if (target === start) return true;
      if (target && !seen.has(target)) {
        seen.add(target);
        stack.push(target);
      }
    }
  }
  return false;
}
