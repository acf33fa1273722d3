// What the loader knows about ATT&CK techniques: names, tactics, revoked/deprecated flags.
import { BUILTIN_TECHNIQUES } from './builtin-techniques.ts';
import { tacticName } from './tactics.ts';

export interface AttackTechniqueInfo {
  readonly id: string;
  readonly name: string;
  /** Tactic names, e.g. `Command and Control`. */
  readonly tactics: readonly string[];
  readonly revoked: boolean;
  readonly deprecated: boolean;
}

export interface AttackCatalog {
  readonly techniques: ReadonlyMap<string, AttackTechniqueInfo>;
  /**
   * True for a full ATT&CK matrix the user supplied (`--attack`): then an id it lacks is reported.
   * The built-in table only covers the techniques the bundled content pack uses.
   */
  readonly complete: boolean;
  /** Where it came from, for messages. */
  readonly origin: string;
}

export function builtinAttackCatalog(): AttackCatalog {
  const techniques = new Map<string, AttackTechniqueInfo>();
  for (const [id, name, shortnames] of BUILTIN_TECHNIQUES) {
    techniques.set(id, {
      id,
      name,
      tactics: shortnames.map(tacticName),
      revoked: false,
      deprecated: false,
    });
  }
  return { techniques, complete: false, origin: 'built-in table' };
}
