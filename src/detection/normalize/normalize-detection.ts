// Turns a schema-checked detection YAML into the normalised Detection (everything but enablement).
import path from 'node:path';
import { type Diagnostic, error, warning } from '../../core/index.ts';
import type { AttackCatalog } from '../attack/attack-catalog.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import type { AttackTechnique, Detection } from '../model/detection.ts';
import type { DetectionYaml } from '../schema/detection-schema.ts';
import { keySpan, valueSpan } from '../yaml/locate.ts';
import type { YamlSource } from '../yaml/yaml-source.ts';
import { normalizeTest } from './detection-tests.ts';
import { readRisk, riskShapesUsed } from './risk-shapes.ts';
import { searchOrigin } from './search-origin.ts';

/** A detection before its search is checked; the loader then decides whether it is enabled. */
export type DetectionDraft = Omit<Detection, 'enabled' | 'disabled'>;

export interface NormalizeContext {
  readonly yaml: YamlSource;
  readonly contentDir: string;
  readonly attack: AttackCatalog;
  readonly fileExists: (file: string) => boolean;
}

export interface Normalized {
  readonly draft: DetectionDraft | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Fields that live under `tags:` up to contentctl 5 and at the top level in the 2026 shape. */
const TAGGING_FIELDS = [
  'analytic_story',
  'asset_type',
  'mitre_attack_id',
  'product',
  'security_domain',
  'manual_test',
] as const;

export function normalizeDetection(d: DetectionYaml, context: NormalizeContext): Normalized {
  const { yaml } = context;
  const diagnostics: Diagnostic[] = [];
  const at = (
    message: string,
    fieldPath: readonly PropertyKey[],
    code: string = CONTENT_CODES.invalidValue,
  ) => error(code, message, { source: yaml.source, span: keySpan(yaml, fieldPath) });

  const shapes = riskShapesUsed(d);
  if (shapes.length > 1) {
    diagnostics.push(
      at(`risk is declared in two shapes (${shapes.join(' and ')}); use one`, [
        shapes[1] === 'contentctl-5' ? 'rba' : 'intermediate_findings',
      ]),
    );
  }
  for (const field of TAGGING_FIELDS) {
    if (d.tags?.[field] !== undefined && d[field] !== undefined) {
      diagnostics.push(
        at(`\`${field}\` is given both under \`tags\` and at the top level`, [field]),
      );
    }
  }
  const tagged = <K extends (typeof TAGGING_FIELDS)[number]>(field: K) =>
    d.tags?.[field] ?? d[field];
  const analyticStories = tagged('analytic_story');
  if (analyticStories === undefined) {
    diagnostics.push(
      error(
        CONTENT_CODES.missingField,
        'missing required field `tags.analytic_story` (or top-level `analytic_story`)',
        {
          source: yaml.source,
          span: valueSpan(yaml, ['tags', 'analytic_story']),
        },
      ),
    );
  }
  if (diagnostics.length > 0) return { draft: undefined, diagnostics };

  const risk = readRisk(d);
  const techniques = (tagged('mitre_attack_id') ?? []).map((id, index) =>
    techniqueOf(
      id,
      context,
      d.tags?.mitre_attack_id ? ['tags', 'mitre_attack_id', index] : ['mitre_attack_id', index],
      diagnostics,
    ),
  );
  const filterMacro = `${path.parse(contentFileName(d.name)).name}_filter`;
  if (!d.search.includes(`\`${filterMacro}\``)) {
    diagnostics.push(
      warning(
        CONTENT_CODES.missingFilterMacro,
        `the search does not end in \`${filterMacro}\`, the filter macro contentctl requires for this name`,
        {
          source: yaml.source,
          span: keySpan(yaml, ['search']),
        },
      ),
    );
  }
  const tests = d.tests.map((test, index) => normalizeTest(test, index, context, diagnostics));

  const draft: DetectionDraft = {
    name: d.name,
    id: d.id,
    version: d.version,
    type: d.type,
    status: d.status,
    shape: risk.shape,
    author: d.author,
    date: d.date ?? d.modification_date ?? d.creation_date,
    description: d.description,
    search: d.search,
    dataSources: d.data_source,
    howToImplement: d.how_to_implement,
    knownFalsePositives: d.known_false_positives,
    references: d.references ?? [],
    techniques,
    analyticStories: analyticStories ?? [],
    assetType: tagged('asset_type'),
    securityDomain: tagged('security_domain'),
    riskMessage: risk.message,
    riskEntities: risk.entities,
    threatObjects: risk.threatObjects,
    drilldowns: d.drilldown_searches.map((dd) => ({
      name: dd.name,
      search: dd.search,
      earliestOffset: dd.earliest_offset ?? undefined,
      latestOffset: dd.latest_offset ?? undefined,
    })),
    tests,
    manualTest: tagged('manual_test'),
    ...scheduleOf(d),
    filterMacro,
    origin: searchOrigin(context.yaml, context.contentDir),
  };
  return { draft, diagnostics };
}

const PERIOD_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** The inline deployment's scheduling and the throttling tag, as the server runs them. */
function scheduleOf(d: DetectionYaml): Pick<DetectionDraft, 'schedule' | 'throttling'> {
  const scheduling = d.deployment?.scheduling;
  const throttling = d.tags?.throttling;
  return {
    ...(scheduling === undefined
      ? {}
      : {
          schedule: {
            cronSchedule: scheduling.cron_schedule,
            earliestTime: scheduling.earliest_time,
            latestTime: scheduling.latest_time,
          },
        }),
    ...(throttling === undefined
      ? {}
      : {
          throttling: {
            fields: throttling.fields,
            periodSeconds:
              Number(throttling.period.slice(0, -1)) *
              (PERIOD_UNIT[throttling.period.slice(-1)] ?? 1),
          },
        }),
  };
}

/** contentctl contentNameToFileName: the file (and filter macro) name derived from `name`. */
function contentFileName(name: string): string {
  return `${name.replace(/[ \-./]/g, '_').toLowerCase()}.yml`;
}

function techniqueOf(
  id: string,
  context: NormalizeContext,
  fieldPath: readonly PropertyKey[],
  diagnostics: Diagnostic[],
): AttackTechnique {
  const info = context.attack.techniques.get(id);
  const { yaml } = context;
  if (context.attack.complete && (!info || info.revoked || info.deprecated)) {
    const why = !info ? 'is not in' : info.revoked ? 'is revoked in' : 'is deprecated in';
    diagnostics.push(
      warning(
        CONTENT_CODES.unknownTechnique,
        `ATT&CK technique ${id} ${why} ${context.attack.origin}`,
        {
          source: yaml.source,
          span: valueSpan(yaml, fieldPath),
        },
      ),
    );
  }
  return { id, name: info?.name, tactics: info?.tactics ?? [] };
}
