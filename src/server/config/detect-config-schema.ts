// The `detect:` part of the server config (docs/server.md "Live detection"): schedules, limits,
// suppression, the risk incident rule, which detections alert, and the alert actions.
import { z } from 'zod';
import { durationSchema } from './config-values.ts';

/** A saved search's schedule; a side left out keeps the default's (contentctl's ESCU default). */
export const scheduleSchema = z.strictObject({
  cron: z.string().min(1).optional(),
  earliest: z.string().min(1).optional(),
  latest: z.string().min(1).optional(),
});

/** One detection's overrides, keyed by its name, its id or its saved-search name. */
export const searchOverrideSchema = scheduleSchema.extend({
  /** Suppression period per detection and entity (0 turns it off). */
  suppress: z.union([z.literal(0), durationSchema]).optional(),
  /** Its findings alert (become notables of their own and go to the alert actions). */
  alert: z.boolean().optional(),
});

export const webhookActionSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  /** One attempt's limit. */
  timeout: durationSchema.default(10),
  /** Retries back off exponentially from 1 s up to this interval. */
  maxRetryInterval: durationSchema.default(300),
  /** Extra request headers (an Authorization header, say). */
  headers: z.record(z.string(), z.string()).default({}),
});

export const syslogActionSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(514),
  protocol: z.enum(['udp', 'tcp']).default('udp'),
  /** RFC 5424 facility number (16 = local0). */
  facility: z.number().int().min(0).max(23).default(16),
  appName: z
    .string()
    .regex(/^[!-~]{1,48}$/, 'printable ASCII, at most 48 characters')
    .default('spelunk'),
});

export const detectConfigSchema = z
  .strictObject({
    /** Live detection on (scheduler, Sigma stream, alert actions); off, the server only indexes and searches. */
    enabled: z.boolean().default(true),
    /** The default schedule of every detection (contentctl's ESCU default when left out). */
    schedule: scheduleSchema.prefault({}),
    /** Per detection: schedule, suppression and alerting. */
    searches: z.record(z.string(), searchOverrideSchema).default({}),
    /** Scheduled runs at once (each also counts against limits.maxConcurrentSearches). */
    maxConcurrentRuns: z.number().int().positive().default(2),
    /** Windows missed for longer than this (downtime) are recorded as skipped instead of run. */
    maxCatchUp: durationSchema.default(7 * 86_400),
    /**
     * Events committed after the Sigma stream's position that a start matches at most (those a
     * crash left without their findings written); past it the oldest are left out, and logged.
     */
    maxStreamCatchUp: z.number().int().nonnegative().default(200_000),
    /** Risk events of one detection on one entity within this period (event time) are suppressed. */
    suppress: z.union([z.literal(0), durationSchema]).default(3600),
    incidents: z
      .strictObject({
        /** A notable when an entity's risk within the window is greater than this (ES: 100). */
        threshold: z.number().positive().default(100),
        window: durationSchema.default(86_400),
      })
      .prefault({}),
    /** Saved-search names (`*` wildcards) whose findings alert, as `searches.<name>.alert` does. */
    alert: z.array(z.string().min(1)).default([]),
    actions: z
      .strictObject({
        webhook: webhookActionSchema.optional(),
        /** A file each alert is appended to as one JSON line. */
        file: z.string().min(1).optional(),
        syslog: syslogActionSchema.optional(),
      })
      .prefault({}),
  })
  .prefault({});

export type DetectConfig = z.output<typeof detectConfigSchema>;
export type ScheduleConfig = z.output<typeof scheduleSchema>;
export type SearchOverride = z.output<typeof searchOverrideSchema>;
export type WebhookActionConfig = z.output<typeof webhookActionSchema>;
export type SyslogActionConfig = z.output<typeof syslogActionSchema>;
