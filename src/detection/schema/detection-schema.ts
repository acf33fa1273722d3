// zod schema of a detection YAML: the 2024 snapshot, contentctl 5 and the 2026 ESCU shapes in one.
//
// The three generations differ in where risk is declared (tags.observable + tags.risk_score,
// `rba`, `intermediate_findings`) and in where the tags live (under `tags:` or, in 2026, at the
// top level). The schema accepts each field where any generation puts it; normalise-detection.ts
// decides which shape a file uses and refuses a file that mixes two.
import { z } from 'zod';
import {
  attackId,
  deploymentSchema,
  drilldownSchema,
  intermediateFindingsSchema,
  isoDate,
  nonEmpty,
  observableSchema,
  rbaSchema,
  testSchema,
  throttlingSchema,
  uuid,
  version,
} from './common-schema.ts';

export const DETECTION_TYPES = ['TTP', 'Anomaly', 'Hunting', 'Correlation'] as const;
export const DETECTION_STATUSES = ['production', 'experimental', 'deprecated'] as const;

const score = z.number().min(0).max(100);

/** Fields that sit under `tags:` up to contentctl 5 and at the top level in 2026. */
const taggingFields = {
  analytic_story: z.array(nonEmpty).optional(),
  asset_type: nonEmpty.optional(),
  mitre_attack_id: z.array(attackId).optional(),
  product: z.array(nonEmpty).optional(),
  security_domain: nonEmpty.optional(),
  cve: z.array(z.string()).optional(),
  atomic_guid: z.array(z.string()).optional(),
  manual_test: z.string().optional(),
  group: z.array(z.string()).optional(),
};

const detectionTagsSchema = z.strictObject({
  ...taggingFields,
  confidence: score.optional(),
  impact: score.optional(),
  risk_score: score.optional(),
  message: z.string().optional(),
  observable: z.array(observableSchema).optional(),
  required_fields: z.array(z.string()).optional(),
  nist: z.array(z.string()).optional(),
  throttling: throttlingSchema.optional(),
});

export const detectionSchema = z.strictObject({
  name: nonEmpty,
  id: uuid,
  version,
  date: isoDate.optional(),
  creation_date: isoDate.optional(),
  modification_date: isoDate.optional(),
  author: nonEmpty,
  type: z.enum(DETECTION_TYPES),
  status: z.enum(DETECTION_STATUSES),
  data_source: z.array(nonEmpty).default([]),
  description: nonEmpty,
  search: nonEmpty,
  how_to_implement: nonEmpty,
  known_false_positives: nonEmpty,
  references: z.array(z.string()).nullable().default([]),
  drilldown_searches: z.array(drilldownSchema).default([]),
  rba: rbaSchema.optional(),
  intermediate_findings: intermediateFindingsSchema.optional(),
  tags: detectionTagsSchema.optional(),
  ...taggingFields,
  category: nonEmpty.optional(),
  enabled_by_default: z.boolean().optional(),
  deployment: deploymentSchema.optional(),
  tests: z.array(testSchema).default([]),
});

export type DetectionYaml = z.output<typeof detectionSchema>;
