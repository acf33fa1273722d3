// zod schema of a data source definition (data_sources/*.yml).
import { z } from 'zod';
import { isoDate, nonEmpty, uuid, version } from './common-schema.ts';

export const dataSourceSchema = z.strictObject({
  name: nonEmpty,
  id: uuid,
  version,
  date: isoDate.optional(),
  author: nonEmpty.optional(),
  description: z.string().optional(),
  source: nonEmpty,
  sourcetype: nonEmpty,
  separator: z.string().optional(),
  configuration: z.string().optional(),
  supported_TA: z
    .array(
      z.strictObject({
        name: nonEmpty,
        url: z.string().optional(),
        version: z.union([z.string(), z.number()]).transform(String).optional(),
      }),
    )
    .default([]),
  fields: z.array(z.string()).default([]),
  output_fields: z.array(z.string()).optional(),
  example_log: z.string().optional(),
  /** CIM mappings and Sigma-style conversions: kept as written, not interpreted by the loader. */
  field_mappings: z.array(z.unknown()).optional(),
  convert_to_log_source: z.array(z.unknown()).optional(),
});

export type DataSourceYaml = z.output<typeof dataSourceSchema>;
