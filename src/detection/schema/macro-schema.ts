// zod schema of an ESCU macro YAML (macros/*.yml).
import { z } from 'zod';
import { isoDate, nonEmpty, uuid, version } from './common-schema.ts';

/** Splunk macro names: letters, digits, `_`, `-`, `.` (macros.conf). */
const macroName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+$/, 'a macro name holds only letters, digits, `_`, `-` and `.`');

export const macroSchema = z.strictObject({
  name: macroName,
  definition: z.string(),
  description: z.string().optional(),
  arguments: z.array(z.string().regex(/^[A-Za-z0-9_]+$/, 'an argument name is a word')).default([]),
  id: uuid.optional(),
  date: isoDate.optional(),
  author: nonEmpty.optional(),
  version: version.optional(),
});
