// Macros that ESCU searches call but that ship with other Splunk apps, defined here.
import { defineMacro, type MacroDefinition } from './macro.ts';

/**
 * `drop_dm_object_name(object)` comes from Splunk_SA_CIM's macros.conf: it strips the data-model
 * node prefix after tstats (`Processes.process_name` → `process_name`).
 */
export const BUILTIN_MACROS: readonly MacroDefinition[] = [
  defineMacro(
    'drop_dm_object_name',
    ['object'],
    'rename $object$.* as *',
    'built-in (Splunk_SA_CIM)',
  ),
];

/**
 * ESCU ends every detection with `` `<name>_filter` `` and contentctl generates the missing ones
 * as `search *`: a filter that keeps every row.
 */
export const UNDEFINED_FILTER_DEFINITION = 'search *';
