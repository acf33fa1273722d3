// The regex-safety verdicts (core/regex/backtracking-cost.ts) kept across processes. Proving a
// pattern safe for V8's backtracking engine is most of the built-in pack's compile in a fresh
// process (docs/hunt.md); the verdicts depend only on the pattern, its flags and the analysing
// code, so they are cached in the workspace's cache folder under the code fingerprint of the
// Sigma layer and core (which holds the analysis and names its libraries' versions). Safe to
// delete; a file of other code is replaced; a damaged one is ignored with a warning.
import path from 'node:path';
import {
  type Diagnostic,
  type KnownRegexShape,
  knownShapes,
  rememberShapes,
  warning,
} from '../../core/index.ts';
import { codeFingerprint, readCacheFile, writeCacheFile } from '../../sigma/index.ts';
import { HUNT_CODES } from '../hunt/hunt-codes.ts';

export const REGEX_VERDICTS_FILE = 'regex-verdicts.json';

/** Remembers the verdicts cached in `dir` (null: no cache); returns what was ignored. */
export function rememberRegexVerdicts(dir: string | null): Diagnostic[] {
  if (dir === null) return [];
  const file = path.join(dir, REGEX_VERDICTS_FILE);
  const read = readCacheFile(file, codeFingerprint());
  let reason: string | undefined;
  if (read.kind === 'corrupt') reason = read.reason;
  else if (read.kind === 'hit') {
    if (isShapeList(read.payload)) rememberShapes(read.payload);
    else reason = 'its content is not a list of verdicts';
  }
  // Nothing new is analysed yet: what was remembered is not counted as added.
  knownShapes();
  if (reason === undefined) return [];
  return [
    warning(
      HUNT_CODES.regexCacheIgnored,
      `the regex verdict cache ${file} was ignored: ${reason}; the regexes are analysed again`,
    ),
  ];
}

/** Writes the verdicts known now into `dir` when this process analysed any. */
export function keepRegexVerdicts(dir: string | null): Diagnostic[] {
  const { shapes, added } = knownShapes();
  if (dir === null || !added) return [];
  const file = path.join(dir, REGEX_VERDICTS_FILE);
  try {
    writeCacheFile(file, codeFingerprint(), shapes);
    return [];
  } catch (cause) {
    return [
      warning(
        HUNT_CODES.regexCacheNotWritten,
        `the regex verdicts could not be cached in ${file}: ${(cause as Error).message}`,
      ),
    ];
  }
}

const KINDS = new Set(['linear', 'quadratic']);

function isShapeList(payload: unknown): payload is KnownRegexShape[] {
  return (
    Array.isArray(payload) &&
    payload.every((entry: unknown) => {
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false;
      const shape = entry[1] as {
        cost?: { kind?: unknown; routes?: unknown; positions?: unknown; reason?: unknown };
        needsBacktracking?: unknown;
      } | null;
      const cost = shape?.cost;
      if (typeof shape?.needsBacktracking !== 'boolean' || typeof cost !== 'object') return false;
      if (cost.kind === 'unproven') return typeof cost.reason === 'string';
      return (
        KINDS.has(cost.kind as string) &&
        Number.isSafeInteger(cost.routes) &&
        (cost.routes as number) > 0 &&
        Number.isSafeInteger(cost.positions) &&
        (cost.positions as number) > 0
      );
    })
  );
}
