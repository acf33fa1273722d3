// The ingest layer's public API: open inputs (files, directories, stdin) as one event source, and what was read.
export type { EvtxReadOptions } from './evtx/index.ts';
export { startModuleWorker } from './evtx/parallel/worker-pool.ts';
export { INPUT_FORMAT_NAMES } from './formats/index.ts';
export type { InputFormatName } from './formats/input-format.ts';
export {
  formatInputSummary,
  hasInputProblems,
  type InputSummary,
  printable,
  problemDiagnostic,
} from './input/input-summary.ts';
export { ioReason, resolveInputPaths } from './input/resolve-paths.ts';
export { describeJsonAnomalies, repairJsonAnomalies } from './jsonl/json-anomalies.ts';
export type { JsonRecordContext } from './jsonl/json-shape.ts';
export { findObjectEnd, OBJECT_INCOMPLETE } from './jsonl/json-values.ts';
export { JsonlScanner } from './jsonl/jsonl-scanner.ts';
export { JSON_SHAPES } from './jsonl/shapes/index.ts';
export { addFieldValue } from './model/add-field-value.ts';
export {
  isJsonObject,
  type JsonObject,
  JsonTooDeepError,
  type JsonValue,
  jsonTooDeep,
} from './model/json-fields.ts';
export { UntimedRecords } from './model/untimed-records.ts';
export { type InputOptions, openInputs } from './open-inputs.ts';
export { INGEST_CODES } from './problem-codes.ts';
export type { IngestProblem, ReadOptions } from './read-options.ts';
export { DEFAULT_WINDOWS_INDEX, WINDOWS_SOURCETYPE } from './windows/windows-event.ts';
export { createRecordReader, parseEventRecord } from './xml/event-record.ts';
export { XmlEventScanner } from './xml/xml-scanner.ts';
