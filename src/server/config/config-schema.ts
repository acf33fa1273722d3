// The server's YAML config file (docs/server.md): every key, its type and its default.
import { z } from 'zod';
import { isValidIndexName } from '../store/duckdb/partition-key.ts';
import { durationSchema, sizeSchema } from './config-values.ts';
import { detectConfigSchema } from './detect-config-schema.ts';

const indexName = z
  .string()
  .refine(isValidIndexName, 'an index name is lower-case letters, digits, "_" and "-", not first');

const port = z.number().int().min(1).max(65_535);

const rateLimit = z.strictObject({
  perSecond: z.number().positive(),
  burst: z.number().positive().optional(),
});

export const hecTokenSchema = z.strictObject({
  name: z.string().min(1).max(100),
  token: z.string().min(16, 'a token is at least 16 characters (a GUID is 36)').max(200),
  /** Default index of events that name none. */
  index: indexName.optional(),
  /** Indexes the token may write (default: any). */
  indexes: z.array(indexName).optional(),
  source: z.string().optional(),
  sourcetype: z.string().optional(),
  host: z.string().optional(),
  useAck: z.boolean().default(false),
  disabled: z.boolean().default(false),
  /** Events per second. */
  rateLimit: rateLimit.optional(),
});

export const indexSchema = z.strictObject({
  name: indexName,
  /** Events older than this are dropped with their partition (Splunk: frozenTimePeriodInSecs). */
  maxAge: durationSchema.optional(),
  /** The oldest partitions are dropped past this size (Splunk: maxTotalDataSizeMB). */
  maxSize: sizeSchema.optional(),
});

export const userSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'letters, digits, "_", ".", "@" and "-"'),
  /** `spelunk hash-password` prints one. */
  passwordHash: z.string().startsWith('scrypt$', 'a hash from `spelunk hash-password`'),
});

export const monitorSchema = z.strictObject({
  monitor: z.string().min(1),
  index: indexName.optional(),
  sourcetype: z.string().optional(),
  source: z.string().optional(),
  /** How often the folder is looked at. */
  interval: durationSchema.default(5),
});

export const serverConfigSchema = z.strictObject({
  data: z.string().optional(),
  listen: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      hecPort: port.default(8088),
      restPort: port.default(8089),
      /** The web UI (0: any free port). */
      uiPort: z.number().int().min(0).max(65_535).default(8000),
      /** Serve the web UI. */
      ui: z.boolean().default(true),
      /** Listening beyond loopback without TLS needs this. */
      insecure: z.boolean().default(false),
    })
    .prefault({}),
  tls: z.strictObject({ cert: z.string(), key: z.string() }).optional(),
  indexes: z.array(indexSchema).default([]),
  hec: z
    .strictObject({
      tokens: z.array(hecTokenSchema).default([]),
      maxBodySize: sizeSchema.default(64 * 1024 * 1024),
      /** `?token=` in the URL (Splunk's allowQueryStringAuth). */
      allowQueryToken: z.boolean().default(false),
      /** Threads parsing HEC bodies (default: the CPUs but one, 1 to 2); 0 parses on the main thread. */
      parseWorkers: z.number().int().min(0).max(16).optional(),
    })
    .prefault({}),
  users: z.array(userSchema).default([]),
  inputs: z.array(monitorSchema).default([]),
  limits: z
    .strictObject({
      maxConcurrentSearches: z.number().int().positive().default(4),
      /** A search running longer is stopped and fails. */
      searchTimeout: durationSchema.default(300),
      /** Result rows one job keeps. */
      maxResultRows: z.number().int().positive().default(50_000),
      /** Memory one job's results may take. */
      maxJobMemory: sizeSchema.default(256 * 1024 * 1024),
      /** A finished job is deleted this long after its last access (Splunk's default TTL is 10 min). */
      jobTtl: durationSchema.default(600),
      restMaxBodySize: sizeSchema.default(1024 * 1024),
      /** Failed logins per client address per minute. */
      loginsPerMinute: z.number().int().positive().default(10),
      /** REST requests per user per second. */
      restRequestsPerSecond: z.number().positive().default(200),
      ingestQueueEvents: z.number().int().positive().default(20_000),
      /** Bytes of encoded events waiting (ingest/ingest-service.ts: why 8 MB). */
      ingestQueueSize: sizeSchema.default(8 * 1024 * 1024),
      /** Seconds an HEC request waits for room in a full queue before code 9 (0: at once). */
      ingestQueueWait: z.number().min(0).max(60).default(2),
    })
    .prefault({}),
  storage: z
    .strictObject({
      memoryLimit: sizeSchema.default(128 * 1024 * 1024),
      /** WAL size past which the store checkpoints (docs/server.md: why not DuckDB's 16 MB). */
      checkpointThreshold: sizeSchema.default(256 * 1024 * 1024),
      /** Span of a time partition. */
      partition: durationSchema.default(86_400),
      /** How often retention runs. */
      retentionInterval: durationSchema.default(300),
    })
    .prefault({}),
  search: z
    .strictObject({
      /** Indexes a search without an index term reads (Splunk: srchIndexesDefault). */
      defaultIndexes: z.array(z.string()).default(['*']),
    })
    .prefault({}),
  detect: detectConfigSchema,
});

export type ServerConfig = z.output<typeof serverConfigSchema>;
export type HecTokenConfig = z.output<typeof hecTokenSchema>;
export type IndexConfig = z.output<typeof indexSchema>;
export type MonitorConfig = z.output<typeof monitorSchema>;
