// Where the built-in knowledge lives: props.conf, transforms.conf and lookup CSVs in ./builtin, read like a user's.
import { treePath } from '../core/index.ts';

/**
 * The built-in Sysmon, Windows Security and PowerShell knowledge. It is plain Splunk
 * configuration in `src/knowledge/builtin/` (docs/field-knowledge.md, "Built-in knowledge"), so
 * the build copies that folder into dist/knowledge/builtin/ for the bundle.
 */
export const BUILTIN_KNOWLEDGE_DIR = treePath('knowledge/builtin');
