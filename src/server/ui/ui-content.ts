// What the Detections and ATT&CK pages know about the content beyond the saved searches: each
// detection's type, ATT&CK techniques (with names and tactics from the ATT&CK table), data
// sources, search, tests and drilldowns; each Sigma rule's level and techniques; the tactics in
// kill-chain order. The saved searches (schedule, last run, enabled) come from the REST API.
import { ATTACK_TACTICS, builtinAttackCatalog, tacticName } from '../../detection/index.ts';
import type { Workspace } from '../../engine/index.ts';

export interface ContentTechnique {
  readonly id: string;
  readonly name: string;
  readonly tactics: readonly string[];
}

export interface ContentDetection {
  readonly kind: 'spl' | 'sigma';
  readonly name: string;
  /** The saved search it runs as: `ESCU - <name> - Rule`, `Sigma - <title>`. */
  readonly savedSearch: string;
  readonly id: string | null;
  readonly type: string;
  readonly level: string | null;
  readonly enabled: boolean;
  readonly description: string;
  readonly search: string | null;
  readonly techniques: readonly ContentTechnique[];
  readonly dataSources: readonly string[];
  readonly tests: readonly { name: string; kind: string; attackData: readonly string[] }[];
  readonly drilldowns: readonly {
    name: string;
    search: string;
    earliest: string | null;
    latest: string | null;
  }[];
  readonly file: string;
}

export interface ContentAnswer {
  readonly detections: readonly ContentDetection[];
  readonly tactics: readonly string[];
}

export function contentOverview(workspace: Workspace): ContentAnswer {
  const catalog = builtinAttackCatalog();
  const technique = (id: string, tactics: readonly string[]): ContentTechnique => {
    const known = catalog.techniques.get(id);
    return { id, name: known?.name ?? '', tactics: (known?.tactics ?? tactics).map(tacticName) };
  };
  const spl = workspace.selected.map(
    (d): ContentDetection => ({
      kind: 'spl',
      name: d.name,
      savedSearch: `ESCU - ${d.name} - Rule`,
      id: d.id,
      type: d.type,
      level: null,
      enabled: d.enabled,
      description: d.description,
      search: d.search,
      techniques: d.techniques.map((t) => technique(t.id, t.tactics)),
      dataSources: d.dataSources,
      tests: d.tests.map((t) => ({
        name: t.name,
        kind: t.kind,
        attackData: t.attackData.map((a) => a.data),
      })),
      drilldowns: d.drilldowns.map((x) => ({
        name: x.name,
        search: x.search,
        earliest: x.earliestOffset ?? null,
        latest: x.latestOffset ?? null,
      })),
      file: d.origin.file.name,
    }),
  );
  const sigma = (workspace.sigmaRules?.rules ?? []).map(
    (r): ContentDetection => ({
      kind: 'sigma',
      name: r.title,
      savedSearch: `Sigma - ${r.title}`,
      id: r.id ?? null,
      type: 'Sigma',
      level: r.level ?? null,
      enabled: r.status !== 'deprecated' && r.status !== 'unsupported',
      description: r.description ?? '',
      search: null,
      techniques: r.attack.techniques.map((id) => technique(id.toUpperCase(), r.attack.tactics)),
      dataSources: [],
      tests: [],
      drilldowns: [],
      file: r.origin.source.name,
    }),
  );
  return {
    detections: [...spl, ...sigma],
    tactics: Object.values(ATTACK_TACTICS).map((t) => t.name),
  };
}
