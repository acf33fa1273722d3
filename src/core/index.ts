// core's public API: values, events, field access, spans and diagnostics: what every layer shares.
export { assertNever, invariant } from './assert.ts';
export {
  type Diagnostic,
  DiagnosticError,
  type DiagnosticNote,
  DiagnosticPrinter,
  error,
  formatDiagnostic,
  formatDiagnostics,
  hasErrors,
  type SourceText,
  warning,
} from './diagnostic.ts';
export { type Event, type EventSource, METADATA_FIELDS, type SharedEvent } from './event.ts';
export {
  type FieldWriter,
  fieldReader,
  fieldWriter,
  readField,
  writeField,
} from './field-access.ts';
export { rowBytes, valueBytes } from './memory-size.ts';
export { ownEntry } from './own-entry.ts';
export {
  BUNDLED,
  bundleFingerprint,
  PACKAGE_ROOT,
  packagePath,
  treePath,
  UI_ASSETS_DIR,
  workerUrl,
} from './package-layout.ts';
export { maxOf, minOf, pushAll } from './push-all.ts';
export {
  type BacktrackingCost,
  backtrackingCost,
  type KnownRegexShape,
  knownShapes,
  type RegexShape,
  rememberShapes,
} from './regex/backtracking-cost.ts';
export { failed, type Result, succeeded } from './result.ts';
export { mulberry32 } from './seeded-random.ts';
export { expandLegacySourcetype, sourcetypeNamesOf } from './sourcetype-aliases.ts';
export { lineColumnAt, type Span, span } from './span.ts';
export {
  type FieldValue,
  isMultivalue,
  type MaybeValue,
  multivalue,
  type Scalar,
  valuesOf,
} from './value.ts';
export { YAML_DOUBLE_ESCAPES } from './yaml/double-quoted-escapes.ts';
export {
  readYaml,
  spanOfNode,
  syntaxErrors,
  type YamlRead,
  type YamlReadOptions,
  type YamlText,
} from './yaml/read-yaml.ts';
export {
  MAX_YAML_NESTING,
  type YamlNestingProblem,
  yamlTooDeep,
  yamlTooDeepMessage,
} from './yaml/yaml-nesting.ts';
