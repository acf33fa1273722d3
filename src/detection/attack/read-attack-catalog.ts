// Reads a full ATT&CK Enterprise catalogue the user supplies: a STIX 2 bundle or a flattened CSV.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { error, failed, type Result, succeeded } from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import type { AttackCatalog, AttackTechniqueInfo } from './attack-catalog.ts';
import { tacticName } from './tactics.ts';

/**
 * `enterprise-attack.json` (the STIX bundle mitre/cti publishes, which contentctl reads too), or a
 * CSV with the columns `technique_id,name,tactics,revoked,deprecated` (tactics `;`-separated
 * shortnames such as `command-and-control`).
 */
export function readAttackCatalog(path: string): Result<AttackCatalog> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    return failed([
      error(
        CONTENT_CODES.unreadable,
        `cannot read the ATT&CK catalogue: ${(cause as Error).message}`,
        {
          location: path,
        },
      ),
    ]);
  }
  try {
    const techniques = path.toLowerCase().endsWith('.json') ? fromStix(text) : fromCsv(text);
    if (techniques.size === 0) throw new Error('it lists no techniques');
    return succeeded({ techniques, complete: true, origin: path });
  } catch (cause) {
    return failed([
      error(CONTENT_CODES.invalidValue, `not an ATT&CK catalogue: ${(cause as Error).message}`, {
        location: path,
      }),
    ]);
  }
}

interface StixObject {
  readonly type?: unknown;
  readonly name?: unknown;
  readonly revoked?: unknown;
  readonly x_mitre_deprecated?: unknown;
  readonly kill_chain_phases?: readonly { kill_chain_name?: unknown; phase_name?: unknown }[];
  readonly external_references?: readonly { source_name?: unknown; external_id?: unknown }[];
}

function fromStix(text: string): Map<string, AttackTechniqueInfo> {
  const bundle = JSON.parse(text) as { objects?: readonly StixObject[] };
  const objects: unknown = bundle.objects;
  if (!Array.isArray(objects)) throw new Error('no `objects` array (not a STIX bundle)');
  const techniques = new Map<string, AttackTechniqueInfo>();
  for (const object of objects as readonly StixObject[]) {
    if (object.type !== 'attack-pattern') continue;
    const id = object.external_references?.find(
      (r) => r.source_name === 'mitre-attack',
    )?.external_id;
    if (typeof id !== 'string' || typeof object.name !== 'string') continue;
    const tactics = (object.kill_chain_phases ?? [])
      .filter((p) => p.kill_chain_name === 'mitre-attack' && typeof p.phase_name === 'string')
      .map((p) => tacticName(String(p.phase_name)));
    techniques.set(id, {
      id,
      name: object.name,
      tactics,
      revoked: object.revoked === true,
      deprecated: object.x_mitre_deprecated === true,
    });
  }
  return techniques;
}

function fromCsv(text: string): Map<string, AttackTechniqueInfo> {
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string | undefined
  >[];
  const techniques = new Map<string, AttackTechniqueInfo>();
  for (const row of rows) {
    const id = row['technique_id'];
    const name = row['name'];
    if (!id || name === undefined) throw new Error('a row has no `technique_id` or `name`');
    techniques.set(id, {
      id,
      name,
      tactics: (row['tactics'] ?? '')
        .split(';')
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .map(tacticName),
      revoked: row['revoked'] === 'true',
      deprecated: row['deprecated'] === 'true',
    });
  }
  return techniques;
}
