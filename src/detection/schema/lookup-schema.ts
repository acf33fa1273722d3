// zod schema of an ESCU lookup definition (lookups/*.yml), the counterpart of a transforms.conf stanza.
import { z } from 'zod';
import { isoDate, nonEmpty, uuid, version, yamlBoolean } from './common-schema.ts';

const count = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^\d+$/).transform(Number),
]);

export const lookupSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'a lookup name holds only letters, digits, `_`, `-` and `.`'),
  description: z.string().optional(),
  /** A CSV (or an MLTK `.mlmodel`) beside the YAML. */
  filename: nonEmpty.optional(),
  /** A KV-store collection instead of a file. */
  collection: nonEmpty.optional(),
  fields_list: z.string().optional(),
  /** `WILDCARD(col)`, `CIDR(col)`, comma-separated (transforms.conf `match_type`). */
  match_type: z.string().optional(),
  default_match: z.union([z.string(), z.boolean(), z.number()]).transform(String).optional(),
  min_matches: count.optional(),
  max_matches: count.optional(),
  case_sensitive_match: yamlBoolean.optional(),
  /** Informational; ESCU writes it as a list or as one name. */
  fields: z.union([z.array(z.string()), z.string()]).optional(),
  id: uuid.optional(),
  date: isoDate.optional(),
  author: nonEmpty.optional(),
  version: version.optional(),
});

export type LookupYaml = z.output<typeof lookupSchema>;
