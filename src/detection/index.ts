// The content loader's public API: load ESCU content, compile a detection, summarise, locate attack data.
export {
  type AttackCatalog,
  type AttackTechniqueInfo,
  builtinAttackCatalog,
} from './attack/attack-catalog.ts';
export { readAttackCatalog } from './attack/read-attack-catalog.ts';
export { ATTACK_TACTICS, tacticName } from './attack/tactics.ts';
export { BUILTIN_CONTENT_DIR } from './builtin-content.ts';
export {
  type ContentSummary,
  type DisabledGroup,
  formatContentSummary,
  summarizeContent,
} from './content-summary.ts';
export { CONTENT_CODES } from './diagnostic-codes.ts';
export { compileDetection, type SearchContext } from './load/check-searches.ts';
export { type LoadContentOptions, loadContent } from './load/load-content.ts';
export { loadSearchLibrary, type SearchLibrary } from './load/load-search-library.ts';
export type {
  Baseline,
  ContentKind,
  ContentPack,
  DataSource,
  FileCount,
  Story,
} from './model/content-pack.ts';
export type {
  AttackData,
  AttackDataLocation,
  AttackTechnique,
  Detection,
  DetectionOrigin,
  DetectionSchedule,
  DetectionShape,
  DetectionStatus,
  DetectionTest,
  DetectionThrottling,
  DetectionType,
  DisabledCode,
  DisabledReason,
  DrilldownSearch,
  RiskEntity,
  RiskObjectType,
  TestKind,
  ThreatObject,
} from './model/detection.ts';
export { locateAttackData, mirroredCandidates, urlMirrorPath } from './normalize/attack-data.ts';
export { validateYaml } from './yaml/validate-yaml.ts';
export { parseYamlSource, type YamlSource } from './yaml/yaml-source.ts';
