// The ingest layer's public API: open inputs (files, directories, stdin) as one event source, and what was read.
export type { EvtxReadOptions } from './evtx/index.ts';
export { INPUT_FORMAT_NAMES } from './formats/index.ts';
export type { InputFormatName } from './formats/input-format.ts';
export {
  formatInputSummary,
  hasInputProblems,
  type InputSummary,
  printable,
  problemDiagnostic,
} from './input/input-summary.ts';
export { type InputOptions, openInputs } from './open-inputs.ts';
export { INGEST_CODES } from './problem-codes.ts';
