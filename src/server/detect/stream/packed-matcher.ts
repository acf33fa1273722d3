// A rule set's matcher data (encodeMatcher) as the main thread keeps it between the Sigma matcher,
// which makes it, and HEC's parse workers, which match with it: one byte array (v8.serialize) and
// the route-program cache's shared bytes, not ~24 MB of objects (SigmaHQ's Windows rules). The
// main thread holds the running version as long as it runs (a new parse worker gets it), so as
// objects it was marked by every major GC of that thread - which, under sustained ingest with
// streamed findings waiting to be written, runs every few MB promoted (docs/server.md, "fifth
// pass"). A worker unpacks it once per version, as it decoded the structured clone before.
import { deserialize, serialize } from 'node:v8';
import type { CompiledSigmaSet, MatcherData } from '../../../sigma/index.ts';
import { encodeMatcher } from '../../../sigma/index.ts';

export interface PackedMatcher {
  /** MatcherData without its automata, serialized. */
  readonly bytes: Uint8Array;
  /** The route-program cache (its bytes are a SharedArrayBuffer, shared, never serialized). */
  readonly automata?: MatcherData['automata'];
}

export function packMatcher(compiled: CompiledSigmaSet): PackedMatcher {
  const { automata, ...rest } = encodeMatcher(compiled);
  return { bytes: serialize(rest), ...(automata === undefined ? {} : { automata }) };
}

export function unpackMatcher(packed: PackedMatcher): MatcherData {
  const rest = deserialize(packed.bytes) as Omit<MatcherData, 'automata'>;
  return packed.automata === undefined ? rest : { ...rest, automata: packed.automata };
}
