// zod schema of an analytic story (stories/*.yml).
import { z } from 'zod';
import { isoDate, nonEmpty, uuid, version } from './common-schema.ts';

export const storySchema = z.strictObject({
  name: nonEmpty,
  id: uuid,
  version,
  date: isoDate.optional(),
  author: nonEmpty.optional(),
  description: nonEmpty,
  narrative: nonEmpty,
  references: z.array(z.string()).nullable().default([]),
  type: z.string().optional(),
  tags: z
    .strictObject({
      category: z.array(nonEmpty).default([]),
      product: z.array(nonEmpty).default([]),
      usecase: z.string().optional(),
      cve: z.array(z.string()).optional(),
      group: z.array(z.string()).optional(),
      mitre_attack_tactics: z.array(z.string()).optional(),
    })
    .optional(),
});

export type StoryYaml = z.output<typeof storySchema>;
