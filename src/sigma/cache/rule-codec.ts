// A cached rule: its attributes come from the cache; what only conversion and reports of the rule
// itself read (its detection, references, false positives, fields) comes from parsing its
// document again on first use, so it is exactly what the loader gives.
import type { SourceText, Span } from '../../core/index.ts';
import { loadSigmaText } from '../load/load-sigma-text.ts';
import { type AttackTags, parseAttackTags } from '../model/attack-tags.ts';
import type {
  Detection,
  DocumentOrigin,
  Logsource,
  SigmaLevel,
  SigmaRule,
  SigmaStatus,
} from '../model/rule.ts';

/** `[src, doc, span start, span end, title, tags, logsource, optional fields]` */
export type RuleData = [
  number,
  number,
  number,
  number,
  string,
  readonly string[],
  Logsource,
  OptionalAttributes,
];

type OptionalAttributes = {
  -readonly [K in (typeof OPTIONAL)[number]]?: SigmaRule[K];
};
const OPTIONAL = [
  'id',
  'name',
  'status',
  'level',
  'description',
  'author',
  'date',
  'modified',
  'regressionTestsPath',
] as const;

/** `doc`: the rule's index among its file's loaded documents (-1: unknown). */
export function encodeRule(rule: SigmaRule, src: number, doc: number): RuleData {
  const optional: Record<string, string> = {};
  for (const key of OPTIONAL) {
    const value = rule[key];
    if (value !== undefined) optional[key] = value;
  }
  const { origin } = rule;
  return [
    src,
    doc,
    origin.span.start,
    origin.span.end,
    rule.title,
    rule.tags,
    rule.logsource,
    optional as OptionalAttributes,
  ];
}

export function decodeRule(data: RuleData, source: SourceText): SigmaRule {
  return new CachedRule(data, source);
}

class CachedRule implements SigmaRule {
  readonly kind = 'rule';
  readonly title: string;
  readonly tags: readonly string[];
  readonly attack: AttackTags;
  readonly logsource: Logsource;
  readonly origin: DocumentOrigin;
  // Declared only: absent attributes stay absent, as on a loaded rule.
  declare readonly id?: string;
  declare readonly name?: string;
  declare readonly status?: SigmaStatus;
  declare readonly level?: SigmaLevel;
  declare readonly description?: string;
  declare readonly author?: string;
  declare readonly date?: string;
  declare readonly modified?: string;
  declare readonly regressionTestsPath?: string;
  readonly #doc: number;
  #parsed: SigmaRule | undefined;

  constructor(data: RuleData, source: SourceText) {
    const [, doc, start, end, title, tags, logsource, optional] = data;
    Object.assign(this, optional);
    this.title = title;
    this.tags = tags;
    this.attack = parseAttackTags(tags);
    this.logsource = logsource;
    this.origin = { source, span: { start, end } satisfies Span };
    this.#doc = doc;
  }

  /** The rule as the loader reads it from its file's text. */
  #full(): SigmaRule {
    if (this.#parsed === undefined) {
      const document = loadSigmaText(this.origin.source)[this.#doc]?.document;
      if (document?.kind !== 'rule' || document.title !== this.title)
        throw new Error(
          `the cached rule "${this.title}" is no longer in ${this.origin.source.name}`,
        );
      this.#parsed = document;
    }
    return this.#parsed;
  }

  get detection(): Detection {
    return this.#full().detection;
  }
  get fields(): readonly string[] {
    return this.#full().fields;
  }
  get references(): readonly string[] {
    return this.#full().references;
  }
  get falsepositives(): readonly string[] {
    return this.#full().falsepositives;
  }
}
