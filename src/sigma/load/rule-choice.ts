// Which rules and correlations of a set run: a caller's choice over what it knows of each (title,
// id, level, status, file), and the rules a kept correlation reads, which run with it (they report
// on their own only with `generate: true`).
import type { SigmaCorrelation, SigmaLevel, SigmaRule, SigmaStatus } from '../model/rule.ts';
import type { SigmaRuleSet } from './rule-set.ts';

/** What a choice sees of a rule or correlation: the same from a cold load and from the cache. */
export interface SigmaDocumentHead {
  readonly kind: 'rule' | 'correlation';
  readonly title: string;
  readonly id: string | undefined;
  readonly level: SigmaLevel | undefined;
  readonly status: SigmaStatus | undefined;
  /** The name of the file it was read from. */
  readonly file: string;
}

export interface SigmaRuleChoice {
  /** Stands for the choice in the compiled rule-set cache's key: equal keys give equal answers. */
  readonly key: string;
  /** Whether a rule or correlation runs; asked once per document per load (it may count). */
  keeps(head: SigmaDocumentHead): boolean;
}

/** A question the choice was asked, and its answer. */
export interface AskedDocument {
  readonly head: SigmaDocumentHead;
  readonly kept: boolean;
}

export interface ChosenRules {
  readonly ruleSet: SigmaRuleSet;
  /** In the order asked: the correlations, then the rules no kept correlation reads. */
  readonly asked: readonly AskedDocument[];
}

/** Everything runs without a choice. */
export function chooseSigmaRules(
  ruleSet: SigmaRuleSet,
  choice: SigmaRuleChoice | undefined,
): ChosenRules {
  if (choice === undefined) return { ruleSet, asked: [] };
  const asked: AskedDocument[] = [];
  const keeps = (doc: SigmaRule | SigmaCorrelation): boolean => {
    const head = headOf(doc);
    const kept = choice.keeps(head);
    asked.push({ head, kept });
    return kept;
  };
  const correlations = ruleSet.correlations.filter(keeps);
  const read = new Set(correlations.flatMap((c) => c.rules));
  const rules = ruleSet.rules.filter(
    (r) =>
      (r.id !== undefined && read.has(r.id)) ||
      (r.name !== undefined && read.has(r.name)) ||
      keeps(r),
  );
  return { ruleSet: { ...ruleSet, rules, correlations }, asked };
}

function headOf(doc: SigmaRule | SigmaCorrelation): SigmaDocumentHead {
  return {
    kind: doc.kind,
    title: doc.title,
    id: doc.id,
    level: doc.level,
    status: doc.status,
    file: doc.origin.source.name,
  };
}
