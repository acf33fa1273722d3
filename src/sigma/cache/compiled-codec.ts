// A compiled rule set as plain JSON data and back. What a hunt needs comes back at once (rule
// identities, variants and their condition trees, predicates' automaton literals, correlations,
// every diagnostic); what it rarely needs is rebuilt on first use: a predicate's test function
// from its value, a rule's parsed detection from its file's text (the loader's own result).
import type { Diagnostic, DiagnosticNote, SourceText, Span } from '../../core/index.ts';
import type { CompiledRule, CompiledSigmaSet, RuleVariant } from '../compile/compile-rules.ts';
import type { PredicateTree } from '../compile/predicate-tree.ts';
import type { AskedDocument } from '../load/rule-choice.ts';
import type { LogsourceMapping } from '../mapping/logsource-mapping.ts';
import type { SigmaCorrelation, SigmaLevel, SigmaRule, SigmaStatus } from '../model/rule.ts';
import { decodePredicate, encodePredicate, type PredicateData } from './predicate-codec.ts';
import { decodeRule, encodeRule, type RuleData } from './rule-codec.ts';

/** The cached form; sources are referred to by their index among the files just read. */
export interface CompiledData {
  readonly sourceCount: number;
  /** Every problem found loading the files, before compiling. */
  readonly loadDiagnostics: readonly DiagnosticData[];
  readonly compileDiagnostics: readonly DiagnosticData[];
  readonly rules: readonly RuleData[];
  readonly compiled: readonly { r: number; report: boolean; variants: VariantData[] }[];
  readonly inactive: readonly { r: number; d: number }[];
  readonly predicates: readonly PredicateData[];
  readonly correlations: readonly CorrelationData[];
  /** What the rule choice was asked and answered, in order (none without a choice). */
  readonly asked: readonly AskedData[];
}

/** `[kind, src, title, id, level, status, kept]` */
type AskedData = [
  'rule' | 'correlation',
  number,
  string,
  string | null,
  SigmaLevel | null,
  SigmaStatus | null,
  boolean,
];

interface DiagnosticData {
  readonly d: Omit<Diagnostic, 'source' | 'notes'>;
  readonly src?: number;
  readonly notes?: readonly { n: Omit<DiagnosticNote, 'source'>; src?: number }[];
}
type CorrelationData = Omit<SigmaCorrelation, 'origin' | 'aliases'> & {
  src: number;
  span: Span;
  aliases: [string, [string, string][]][];
};
type TreeData = number | boolean | [string, ...TreeData[]];
interface VariantData {
  readonly entryName: string;
  readonly channels?: readonly string[];
  readonly eventIds?: readonly string[];
  readonly conditions: TreeData;
  readonly tree: TreeData;
}
export interface EncodeInputs {
  readonly sources: readonly SourceText[];
  readonly compiled: CompiledSigmaSet;
  readonly loadDiagnostics: readonly Diagnostic[];
  readonly asked: readonly AskedDocument[];
  /** Where each rule's document sits: its index among its file's loaded documents. */
  readonly documentIndex: ReadonlyMap<SigmaRule, number>;
}

export function encodeCompiled(inputs: EncodeInputs): CompiledData {
  const { compiled } = inputs;
  const sourceIndex = new Map(inputs.sources.map((s, i) => [s, i]));
  const srcOf = (s: SourceText) => sourceIndex.get(s) ?? -1;
  const sourceByName = new Map(inputs.sources.map((s, i) => [s.name, i]));
  const diagnostic = (d: Diagnostic): DiagnosticData => {
    const { source, notes, ...rest } = d;
    return {
      d: rest,
      ...(source === undefined ? {} : { src: srcOf(source) }),
      ...(notes === undefined
        ? {}
        : {
            notes: notes.map(({ source: s, ...n }) => ({
              n,
              ...(s === undefined ? {} : { src: srcOf(s) }),
            })),
          }),
    };
  };
  const compileDiagnostics = compiled.diagnostics.map(diagnostic);
  const diagnosticIndex = new Map(compiled.diagnostics.map((d, i) => [d, i]));
  const rules: RuleData[] = [];
  const ruleIndex = new Map<SigmaRule, number>();
  const ruleOf = (rule: SigmaRule): number => {
    let i = ruleIndex.get(rule);
    if (i === undefined) {
      const src = srcOf(rule.origin.source);
      i = rules.push(encodeRule(rule, src, inputs.documentIndex.get(rule) ?? -1)) - 1;
      ruleIndex.set(rule, i);
    }
    return i;
  };
  return {
    sourceCount: inputs.sources.length,
    loadDiagnostics: inputs.loadDiagnostics.map(diagnostic),
    compileDiagnostics,
    rules,
    compiled: compiled.rules.map((c) => ({
      r: ruleOf(c.rule),
      report: c.report,
      variants: c.variants.map((v) => ({
        entryName: v.entryName,
        ...(v.channels ? { channels: v.channels } : {}),
        ...(v.eventIds ? { eventIds: v.eventIds } : {}),
        conditions: encodeTree(v.conditions),
        tree: encodeTree(v.tree),
      })),
    })),
    inactive: compiled.inactive.map((i) => ({
      r: ruleOf(i.rule),
      d: diagnosticIndex.get(i.diagnostic) ?? -1,
    })),
    predicates: compiled.predicates.map(encodePredicate),
    correlations: compiled.correlations.map(({ origin, aliases, ...rest }) => ({
      ...rest,
      src: srcOf(origin.source),
      span: origin.span,
      aliases: [...aliases].map(([alias, refs]) => [alias, [...refs]]),
    })),
    asked: inputs.asked.map(({ head, kept }): AskedData => {
      const src = sourceByName.get(head.file) ?? -1;
      return [
        head.kind,
        src,
        head.title,
        head.id ?? null,
        head.level ?? null,
        head.status ?? null,
        kept,
      ];
    }),
  };
}

export interface DecodedCompiled {
  readonly compiled: CompiledSigmaSet;
  readonly loadDiagnostics: readonly Diagnostic[];
  readonly asked: readonly AskedDocument[];
}

/** `sources` are the texts just read, in the order their names are in `data.sources`. */
export function decodeCompiled(
  data: CompiledData,
  sources: readonly SourceText[],
  mapping: LogsourceMapping,
): DecodedCompiled {
  if (data.sourceCount !== sources.length)
    throw new Error(`it names ${data.sourceCount} files, ${sources.length} were read`);
  const source = (i: number | undefined): SourceText | undefined =>
    i === undefined ? undefined : sources[i];
  const diagnostic = (x: DiagnosticData): Diagnostic => {
    const s = source(x.src);
    return {
      ...x.d,
      ...(s === undefined ? {} : { source: s }),
      ...(x.notes === undefined
        ? {}
        : {
            notes: x.notes.map((note) => {
              const ns = source(note.src);
              return ns === undefined ? note.n : { ...note.n, source: ns };
            }),
          }),
    };
  };
  const compileDiagnostics = data.compileDiagnostics.map(diagnostic);
  const rules = data.rules.map((r) => decodeRule(r, source(r[0]) as SourceText));
  const compiledRules: CompiledRule[] = data.compiled.map((c) => ({
    rule: rules[c.r] as SigmaRule,
    report: c.report,
    variants: c.variants.map(
      (v): RuleVariant => ({
        entryName: v.entryName,
        ...(v.channels ? { channels: v.channels } : {}),
        ...(v.eventIds ? { eventIds: v.eventIds } : {}),
        conditions: decodeTree(v.conditions),
        tree: decodeTree(v.tree),
      }),
    ),
  }));
  return {
    compiled: {
      rules: compiledRules,
      mapping,
      predicates: data.predicates.map(decodePredicate),
      correlations: data.correlations.map(({ src, span, aliases, ...rest }) => ({
        ...rest,
        origin: { source: source(src) as SourceText, span },
        aliases: new Map(aliases.map(([alias, refs]) => [alias, new Map(refs)])),
      })),
      inactive: data.inactive.map((i) => ({
        rule: rules[i.r] as SigmaRule,
        diagnostic: compileDiagnostics[i.d] as Diagnostic,
      })),
      diagnostics: compileDiagnostics,
    },
    loadDiagnostics: data.loadDiagnostics.map(diagnostic),
    asked: data.asked.map(([kind, src, title, id, level, status, kept]) => {
      const file = sources[src]?.name;
      if (file === undefined)
        throw new Error(`a rule choice names file ${src} of ${sources.length}`);
      return {
        head: {
          kind,
          title,
          id: id ?? undefined,
          level: level ?? undefined,
          status: status ?? undefined,
          file,
        },
        kept,
      };
    }),
  };
}

function encodeTree(tree: PredicateTree): TreeData {
  switch (tree.kind) {
    case 'pred':
      return tree.id;
    case 'const':
      return tree.value;
    case 'not':
      return ['!', encodeTree(tree.arg)];
    default:
      return [tree.kind === 'and' ? '&' : '|', ...tree.args.map(encodeTree)];
  }
}

function decodeTree(data: TreeData): PredicateTree {
  if (typeof data === 'number') return { kind: 'pred', id: data };
  if (typeof data === 'boolean') return { kind: 'const', value: data };
  const [op, ...args] = data;
  if (op === '!') return { kind: 'not', arg: decodeTree(args[0] as TreeData) };
  return { kind: op === '&' ? 'and' : 'or', args: args.map(decodeTree) };
}
