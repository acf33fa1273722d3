// The words of the SPL this engine runs, for editors: the commands it parses, the eval and stats
// functions it implements (the Splunk names it only knows are refused when compiled, so they are
// not offered). The editor completes and highlights these; the parser stays the judge.
import { lookupAggregate } from '../eval/aggregates/index.ts';
import { lookupFunction } from '../eval/functions/index.ts';
import { COMMAND_PARSERS } from '../parser/commands/index.ts';
import { KNOWN_EVAL_FUNCTIONS, KNOWN_STATS_FUNCTIONS } from './known-functions.ts';

export interface SplVocabulary {
  readonly commands: readonly string[];
  readonly evalFunctions: readonly string[];
  readonly statsFunctions: readonly string[];
}

export function splVocabulary(): SplVocabulary {
  return {
    commands: Object.keys(COMMAND_PARSERS).sort(),
    evalFunctions: [...KNOWN_EVAL_FUNCTIONS].filter((f) => lookupFunction(f) !== undefined).sort(),
    statsFunctions: [...KNOWN_STATS_FUNCTIONS]
      .filter((f) => lookupAggregate(f) !== undefined)
      .sort(),
  };
}
