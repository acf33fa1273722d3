// What a matcher needs of a compiled rule set, as data a worker thread can be sent: each rule's
// variants (plain trees of predicate ids) and report flag, and the predicates in the cache's form.
// The worker's matcher answers with rule indices into the sender's set, so the rules' identities
// (titles, files, parsed detections) stay with the sender.
import type { CompiledRule, CompiledSigmaSet, RuleVariant } from '../compile/compile-rules.ts';
import { createSigmaMatcher, type SigmaMatcher } from '../matcher/sigma-matcher.ts';
import type { SigmaRule } from '../model/rule.ts';
import { decodePredicate, encodePredicate, type PredicateData } from './predicate-codec.ts';

export interface MatcherData {
  readonly rules: readonly { readonly report: boolean; readonly variants: RuleVariant[] }[];
  readonly predicates: readonly PredicateData[];
}

export function encodeMatcher(compiled: CompiledSigmaSet): MatcherData {
  return {
    rules: compiled.rules.map((r) => ({
      report: r.report,
      variants: r.variants.map((v) => ({
        entryName: v.entryName,
        ...(v.channels ? { channels: [...v.channels] } : {}),
        ...(v.eventIds ? { eventIds: [...v.eventIds] } : {}),
        conditions: v.conditions,
        tree: v.tree,
      })),
    })),
    predicates: compiled.predicates.map(encodePredicate),
  };
}

/**
 * A matcher over the sent rules. Its matches carry the rule's index in the sender's set and its
 * variant's entry name; their `rule` is a placeholder naming that index, never read (the matcher
 * reads only variants and predicates).
 */
export function decodeMatcher(data: MatcherData): SigmaMatcher {
  const rules: CompiledRule[] = data.rules.map((r, i) => ({
    rule: { title: `rule ${i}` } as unknown as SigmaRule,
    report: r.report,
    variants: r.variants,
  }));
  return createSigmaMatcher({ rules, predicates: data.predicates.map(decodePredicate) });
}
