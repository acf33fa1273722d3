// What a value modifier is: one registry entry per modifier name (pySigma `modifier_mapping`).
import type { SigmaValue, SigmaValueKind } from '../model/sigma-value.ts';

export interface ModifierContext {
  /** The item's field; null for keyword searches. */
  readonly field: string | null;
  /** Names of the modifiers already applied to this item, in order. */
  readonly applied: readonly string[];
}

/** Thrown by a modifier; the loader turns it into a diagnostic on the item's key. */
export class ModifierError extends Error {
  readonly code: 'badModifier' | 'badValue';

  constructor(code: 'badModifier' | 'badValue', message: string) {
    super(message);
    this.name = 'ModifierError';
    this.code = code;
  }
}

/** Applied to every value of the item separately (expansions: to each expanded value). */
export interface ValueModifier {
  readonly scope: 'value';
  readonly accepts: readonly SigmaValueKind[];
  apply(value: SigmaValue, context: ModifierContext): SigmaValue;
}

/** Changes how the item's values combine instead of the values themselves. */
export interface ListModifier {
  readonly scope: 'list';
  readonly effect: 'all' | 'negate';
}

export type Modifier = ValueModifier | ListModifier;

export function requireFirst(name: string, context: ModifierContext): void {
  if (context.applied.length > 0) {
    throw new ModifierError(
      'badModifier',
      `the ${name} modifier applies only to unmodified values (it follows ${context.applied.join('|')})`,
    );
  }
}
