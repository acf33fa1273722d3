// Where the built-in knowledge lives: props.conf, transforms.conf and lookup CSVs in ./builtin, read like a user's.
import { fileURLToPath } from 'node:url';

/**
 * The built-in Sysmon, Windows Security and PowerShell knowledge. It is plain Splunk
 * configuration in `src/knowledge/builtin/` (docs/field-knowledge.md, "Built-in knowledge"), so
 * a build must copy that folder beside this module.
 */
export const BUILTIN_KNOWLEDGE_DIR = fileURLToPath(new URL('./builtin/', import.meta.url));
