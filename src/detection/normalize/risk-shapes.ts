// Reads risk entities and threat objects from whichever of the three ESCU shapes a detection uses.

import type {
  DetectionShape,
  RiskEntity,
  RiskObjectType,
  ThreatObject,
} from '../model/detection.ts';
import type { DetectionYaml } from '../schema/detection-schema.ts';

export interface RiskDeclaration {
  readonly shape: DetectionShape;
  readonly message: string | undefined;
  readonly entities: readonly RiskEntity[];
  readonly threatObjects: readonly ThreatObject[];
}

/** The fields that declare risk in each shape, to report a file that mixes them. */
export function riskShapesUsed(yaml: DetectionYaml): readonly DetectionShape[] {
  const shapes: DetectionShape[] = [];
  if (yaml.tags?.observable !== undefined) shapes.push('escu-2024');
  if (yaml.rba !== undefined) shapes.push('contentctl-5');
  if (yaml.intermediate_findings !== undefined) shapes.push('escu-2026');
  return shapes;
}

export function readRisk(yaml: DetectionYaml): RiskDeclaration {
  if (yaml.intermediate_findings) {
    return {
      shape: 'escu-2026',
      message: undefined,
      entities: yaml.intermediate_findings.entities.map((e) => ({ ...e })),
      threatObjects: [],
    };
  }
  if (yaml.rba) {
    const { message } = yaml.rba;
    return {
      shape: 'contentctl-5',
      message,
      entities: yaml.rba.risk_objects.map((o) => ({ ...o, message })),
      threatObjects: yaml.rba.threat_objects.map((o) => ({ ...o })),
    };
  }
  if (yaml.tags?.observable) return readObservables(yaml);
  // No risk declared (Hunting and Correlation searches usually): the shape follows the tags.
  const shape: DetectionShape =
    yaml.tags?.confidence !== undefined || yaml.tags?.message !== undefined
      ? 'escu-2024'
      : yaml.tags === undefined && yaml.analytic_story !== undefined
        ? 'escu-2026'
        : 'contentctl-5';
  return { shape, message: undefined, entities: [], threatObjects: [] };
}

// contentctl v4.4.7 Detection_Abstract.risk: observable types by role, compared lower-cased.
// (It files a Victim "User Name" under `other`, its issue #246; kept as contentctl built it.)
const USER_TYPES = new Set(['user', 'username', 'email address']);
const SYSTEM_TYPES = new Set(['device', 'endpoint', 'hostname', 'ip address']);
const THREAT_TYPES: ReadonlyMap<string, string> = new Map([
  ['process name', 'process'],
  ['process', 'process'],
  ['file name', 'file_name'],
  ['file', 'file_name'],
  ['file hash', 'file_name'],
  ['ip address', 'ip_address'],
  ['url string', 'url'],
  ['url', 'url'],
]);

/** The 2024 shape: Victim observables are risk objects scored `risk_score`, Attacker ones threats. */
function readObservables(yaml: DetectionYaml): RiskDeclaration {
  const tags = yaml.tags;
  const message = tags?.message;
  // contentctl v4.4.7 DetectionTags.risk_score: round(confidence × impact / 100), Python rounding.
  const score =
    tags?.confidence !== undefined && tags.impact !== undefined
      ? roundHalfEven((tags.confidence * tags.impact) / 100)
      : (tags?.risk_score ?? 0);
  const entities: RiskEntity[] = [];
  const threatObjects: ThreatObject[] = [];
  for (const observable of tags?.observable ?? []) {
    const type = observable.type.toLowerCase();
    const victim = observable.role.includes('Victim');
    if (!victim && observable.role.includes('Attacker')) {
      threatObjects.push({ field: observable.name, type: THREAT_TYPES.get(type) ?? type });
      continue;
    }
    const riskType: RiskObjectType =
      victim && USER_TYPES.has(type)
        ? 'user'
        : victim && SYSTEM_TYPES.has(type)
          ? 'system'
          : 'other';
    entities.push({ field: observable.name, type: riskType, score, message: message ?? '' });
  }
  return { shape: 'escu-2024', message, entities, threatObjects };
}

/** Python's `round`: halves go to the even neighbour (12.5 → 12, 13.5 → 14). */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
