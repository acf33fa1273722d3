// Runs an item's modifier chain left to right over its values (pySigma `apply_modifiers`).
import type { SigmaValue } from '../model/sigma-value.ts';
import { VALUE_KIND_NAMES } from '../model/sigma-value.ts';
import { type Modifier, ModifierError, type ValueModifier } from './modifier.ts';

export interface ModifiedValues {
  readonly values: readonly SigmaValue[];
  readonly linking: 'and' | 'or';
  readonly negated: boolean;
}

/** Throws ModifierError on the first modifier that cannot apply. */
export function applyModifiers(
  field: string | null,
  chain: readonly { readonly name: string; readonly modifier: Modifier }[],
  values: readonly SigmaValue[],
): ModifiedValues {
  let current = values;
  let linking: 'and' | 'or' = 'or';
  let negated = false;
  const applied: string[] = [];
  for (const { name, modifier } of chain) {
    if (modifier.scope === 'list') {
      if (modifier.effect === 'all') linking = 'and';
      else negated = true;
    } else {
      const context = { field, applied: [...applied] };
      current = current.map((v) => applyToValue(name, modifier, v, context));
    }
    applied.push(name);
  }
  return { values: current, linking, negated };
}

function applyToValue(
  name: string,
  modifier: ValueModifier,
  value: SigmaValue,
  context: { readonly field: string | null; readonly applied: readonly string[] },
): SigmaValue {
  if (value.kind === 'expansion') {
    return {
      kind: 'expansion',
      values: value.values.map((v) => applyToValue(name, modifier, v, context)),
    };
  }
  if (!modifier.accepts.includes(value.kind)) {
    throw new ModifierError(
      'badModifier',
      `the ${name} modifier does not apply to a ${VALUE_KIND_NAMES[value.kind]} value (it takes ${modifier.accepts.map((k) => VALUE_KIND_NAMES[k]).join(' or ')})`,
    );
  }
  return modifier.apply(value, context);
}
