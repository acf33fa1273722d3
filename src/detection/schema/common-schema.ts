// zod pieces shared by the content schemas: ids, ATT&CK ids, tests, drilldowns, risk objects.
import { z } from 'zod';

export const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** contentctl reads `id` as a UUID; any RFC 4122 layout is accepted (the corpus has v1 and v4). */
export const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

/** `T1219` or `T1219.001` (contentctl MITRE_ATTACK_ID_TYPE). */
export const attackId = z
  .string()
  .regex(/^T\d{4}(\.\d{3})?$/, 'must be an ATT&CK technique id such as T1219 or T1219.001');

/** YAML dates: `2024-10-17` (quoted or not; YAML 1.2 reads both as text). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const version = z.number().int().nonnegative();

/** ESCU writes booleans both ways in lookup definitions: `case_sensitive_match: 'false'`. */
export const yamlBoolean = z.union([
  z.boolean(),
  z
    .enum(['true', 'false', 'True', 'False', 'TRUE', 'FALSE'])
    .transform((v) => v.toLowerCase() === 'true'),
]);

export const riskScore = z.number().int().min(1).max(100);

export const riskObjectType = z.enum(['system', 'user', 'other']);

/** contentctl 5 ThreatObjectType (contentctl/objects/rba.py). */
const threatObjectType = z.enum([
  'certificate_common_name',
  'certificate_organization',
  'certificate_serial',
  'certificate_unit',
  'command',
  'domain',
  'email_address',
  'email_subject',
  'file_hash',
  'file_name',
  'file_path',
  'http_user_agent',
  'ip_address',
  'process',
  'process_name',
  'parent_process',
  'parent_process_name',
  'process_hash',
  'registry_path',
  'registry_value_name',
  'registry_value_text',
  'service',
  'signature',
  'system',
  'tls_hash',
  'url',
]);

/**
 * One replayed file: contentctl TestAttackData, plus `update_timestamp`, a replay option of the
 * 2024 format that spelunk accepts whatever its value and does not use.
 */
const attackDataSchema = z.strictObject({
  data: nonEmpty,
  source: nonEmpty,
  sourcetype: nonEmpty,
  custom_index: nonEmpty.optional(),
  host: nonEmpty.optional(),
  update_timestamp: z.unknown().optional(),
});

/** `benign` is spelunk's extension: replay benign data and expect no results (docs/content.md). */
const testTypeSchema = z.enum(['unit', 'integration', 'manual', 'benign']);

export const testSchema = z.strictObject({
  name: nonEmpty,
  test_type: testTypeSchema.optional(),
  attack_data: z.array(attackDataSchema).min(1, 'a test replays at least one attack_data file'),
  earliest_time: z.string().optional(),
  latest_time: z.string().optional(),
});

export const drilldownSchema = z.strictObject({
  name: nonEmpty,
  search: nonEmpty,
  earliest_offset: z.string().nullable().optional(),
  latest_offset: z.string().nullable().optional(),
});

/** contentctl ≤ 4 (the 2024 snapshot): `tags.observable`. */
export const observableSchema = z.strictObject({
  name: nonEmpty,
  type: z.enum([
    'Unknown',
    'Hostname',
    'IP Address',
    'MAC Address',
    'User Name',
    'Email Address',
    'URL String',
    'File Name',
    'File Hash',
    'Process Name',
    'Resource UID',
    'Endpoint',
    'User',
    'Email',
    'Uniform Resource Locator',
    'File',
    'Process',
    'Geo Location',
    'Container',
    'Registry Key',
    'Registry Value',
    'Other',
  ]),
  role: z.array(z.enum(['Victim', 'Attacker'])).length(1, 'an observable has exactly one role'),
});

/** contentctl 5: `rba`. */
export const rbaSchema = z.strictObject({
  message: nonEmpty,
  risk_objects: z
    .array(z.strictObject({ field: nonEmpty, type: riskObjectType, score: riskScore }))
    .min(1, 'rba needs at least one risk object'),
  threat_objects: z.array(z.strictObject({ field: nonEmpty, type: threatObjectType })).default([]),
});

/** The 2026 ESCU shape: `intermediate_findings.entities`, each with its own message. */
export const intermediateFindingsSchema = z.strictObject({
  entities: z
    .array(
      z.strictObject({
        field: nonEmpty,
        type: riskObjectType,
        score: riskScore,
        message: nonEmpty,
      }),
    )
    .min(1, 'intermediate_findings needs at least one entity'),
});

/**
 * contentctl DeploymentScheduling (contentctl/objects/deployment_scheduling.py): the saved search's
 * `cron_schedule`, `dispatch.earliest_time`, `dispatch.latest_time` and `schedule_window`. A
 * detection's inline `deployment:` overrides its type's default deployment.
 */
export const deploymentSchema = z.strictObject({
  scheduling: z
    .strictObject({
      cron_schedule: nonEmpty.optional(),
      earliest_time: nonEmpty.optional(),
      latest_time: nonEmpty.optional(),
      schedule_window: z.string().optional(),
    })
    .optional(),
  /** Notable, RBA, email, slack, phantom: contentctl's alert actions, read by ES; not by spelunk. */
  alert_action: z.record(z.string(), z.unknown()).optional(),
});

/** contentctl Throttling (`tags.throttling`): savedsearches.conf `alert.suppress.fields` and `.period`. */
export const throttlingSchema = z.strictObject({
  fields: z
    .array(nonEmpty.regex(/^\S+$/, 'a throttling field has no spaces'))
    .min(1, 'throttling needs at least one field'),
  period: z.string().regex(/^[0-9]+[smh]$/, 'a period such as 3600s, 60m or 1h'),
});
