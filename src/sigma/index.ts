// The Sigma layer's public API: load rule sets, compile them into one matcher, correlate, convert.
//
//   loadSigmaRules(paths, options) → LoadedSigmaRules    (the three steps below, or the compiled-set cache)
//   readSigmaFiles(paths) → SourceText[]
//   loadSigmaRuleSet(sources) → SigmaRuleSet            (every problem collected per document)
//   chooseSigmaRules(ruleSet, choice) → ChosenRules     (the rules that run, and those kept correlations read)
//   compileSigmaRules(ruleSet, options) → CompiledSigmaSet (filters, logsource mapping, predicates)
//   createSigmaMatcher(compiled) → SigmaMatcher          (match(event) → SigmaMatch[])
//   createCorrelationStage(compiled) → CorrelationStage  (push(event, matches) → correlation hits)
//   createSigmaDetector(compiled) → SigmaDetector        (both: detect(event) → SigmaFinding[])

export { readCacheFile, writeCacheFile } from './cache/cache-file.ts';
export { codeFingerprint } from './cache/cache-key.ts';
export { defaultCacheDir } from './cache/cache-location.ts';
export {
  type LoadedSigmaRules,
  loadSigmaRules,
  type SigmaCacheUse,
  type SigmaRulesOptions,
} from './cache/load-sigma-rules.ts';
export { decodeMatcher, encodeMatcher, type MatcherData } from './cache/matcher-codec.ts';
export {
  type CompiledRule,
  type CompiledSigmaSet,
  compileSigmaRules,
  type InactiveRule,
  type RuleVariant,
  type SigmaCompileOptions,
} from './compile/compile-rules.ts';
export type { SplPipeline } from './convert/spl/convert-rule.ts';
export {
  convertToSpl,
  type SplConversion,
  type SplConvertOptions,
  type SplDocument,
} from './convert/spl/convert-to-spl.ts';
export {
  type SavedSearchesOptions,
  savedSearchesConf,
} from './convert/spl/saved-searches.ts';
export {
  type CorrelationHit,
  type CorrelationStage,
  type CorrelationStageOptions,
  type CorrelationStats,
  createCorrelationStage,
} from './correlation/correlation-stage.ts';
export { SIGMA_CODES } from './diagnostic-codes.ts';
export {
  findingOfCorrelation,
  findingOfMatch,
  LEVEL_RISK_SCORE,
  type SigmaFinding,
} from './findings.ts';
export { type LoadedPlaceholders, loadPlaceholders } from './load/load-placeholders.ts';
export type { LoadedDocument } from './load/load-sigma-text.ts';
export { type ReadSigmaOptions, readSigmaFiles, type SigmaFiles } from './load/read-sigma-files.ts';
export {
  chooseSigmaRules,
  type SigmaDocumentHead,
  type SigmaRuleChoice,
} from './load/rule-choice.ts';
export { loadSigmaRuleSet, type SigmaRuleSet } from './load/rule-set.ts';
export { DEFAULT_WINDOWS_MAPPING } from './mapping/default-windows-mapping.ts';
export { type LoadedMapping, loadLogsourceMapping } from './mapping/load-mapping.ts';
export type { LogsourceMapping, LogsourceMappingEntry } from './mapping/logsource-mapping.ts';
export {
  createSigmaMatcher,
  type MatcherStats,
  type RuleRoute,
  type SigmaMatch,
  type SigmaMatcher,
  type SigmaMatcherOptions,
} from './matcher/sigma-matcher.ts';
export type { AttackTags } from './model/attack-tags.ts';
export type {
  Logsource,
  SigmaCorrelation,
  SigmaDocument,
  SigmaFilter,
  SigmaLevel,
  SigmaRule,
  SigmaStatus,
} from './model/rule.ts';
export {
  createSigmaDetector,
  type SigmaDetector,
  type SigmaDetectorOptions,
} from './sigma-detector.ts';
