// What the Detections and ATT&CK pages know about the content beyond the saved searches: each
// detection's type, ATT&CK techniques (with names and tactics from the ATT&CK table), data
// sources, search, tests and drilldowns; each Sigma rule's level and techniques; the tactics in
// kill-chain order. The saved searches (schedule, last run, enabled) come from the REST API.
import {
  ATTACK_TACTICS,
  type AttackCatalog,
  builtinAttackCatalog,
  tacticName,
} from '../../detection/index.ts';
import type { Workspace } from '../../engine/index.ts';
import type { ContentAnswer, ContentDetection, ContentTechnique } from './ui-api-types.ts';

export function contentOverview(workspace: Workspace, attack?: AttackCatalog): ContentAnswer {
  const catalog = attack ?? builtinAttackCatalog();
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
  // A full catalogue (the user's) puts every technique in the matrix, covered or not.
  const matrix = catalog.complete
    ? [...catalog.techniques.values()]
        .filter((t) => !t.revoked && !t.deprecated)
        .map((t) => ({ id: t.id, name: t.name, tactics: t.tactics.map(tacticName) }))
    : [];
  return {
    detections: [...spl, ...sigma],
    matrix,
    catalog: catalog.origin,
    tactics: Object.values(ATTACK_TACTICS).map((t) => t.name),
  };
}
