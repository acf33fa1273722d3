// zod schema of a baseline (baselines/*.yml): searches that build lookups; recognised, never run.
import { z } from 'zod';
import { isoDate, nonEmpty, uuid, version } from './common-schema.ts';

export const baselineSchema = z.strictObject({
  name: nonEmpty,
  id: uuid,
  version,
  date: isoDate.optional(),
  author: nonEmpty.optional(),
  type: z.literal('Baseline'),
  status: z.string().optional(),
  datamodel: z.array(z.string()).optional(),
  description: z.string(),
  search: nonEmpty,
  how_to_implement: z.string().optional(),
  known_false_positives: z.string().optional(),
  references: z.array(z.string()).nullable().default([]),
  deployment: z.unknown().optional(),
  tags: z.record(z.string(), z.unknown()).optional(),
});

export type BaselineYaml = z.output<typeof baselineSchema>;
