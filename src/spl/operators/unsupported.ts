// Commands spelunk refuses, each with the precise reason (docs/spl-commands.md lists them).
import type { Command } from '../ast/command.ts';
import {
  commandError,
  EngineCode,
  type StageCompileContext,
  type StageResult,
} from './compile-context.ts';

/** Why each refused command kind cannot run here; `Generic` commands get the default reason. */
const REFUSALS: Partial<Record<Command['kind'], string>> = {
  Iplocation: 'iplocation needs a GeoIP database, which spelunk does not ship',
  Outputlookup: 'outputlookup writes Splunk lookup state; spelunk does not write lookups',
  Multikv: 'multikv parses table-formatted command output, which Windows event data never holds',
  Extract: 'extract (kv) applies Splunk props/transforms extractions, which spelunk does not load',
  Map: 'map runs a new search over the events for every result, which a single pass over the input cannot do',
};

export function refuseCommand(
  command: Command,
  context: StageCompileContext,
  reason?: string,
): StageResult {
  const why = reason ?? REFUSALS[command.kind] ?? `spelunk does not implement "${command.name}"`;
  return [
    {
      ...commandError(
        context,
        EngineCode.unsupportedCommand,
        `unsupported command "${command.name}": ${why}`,
        command.nameSpan,
      ),
      data: { command: command.name },
    },
  ];
}
