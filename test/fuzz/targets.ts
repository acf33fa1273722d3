// Every fuzz target, by name (npm run fuzz -- --target NAME).
import type { FuzzTarget } from './fuzz-kit.ts';
import { csvTarget, jsonlTarget, xmlTarget } from './reader-targets.ts';
import { regexTarget } from './regex-target.ts';
import { sigmaTarget } from './sigma-target.ts';
import { splTarget } from './spl-target.ts';

export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  splTarget,
  sigmaTarget,
  xmlTarget,
  jsonlTarget,
  csvTarget,
  regexTarget,
];
