// The levels of a dataset chain a projection runs: each level's constraint, then the calculations something downstream needs.
import { type Event, type MaybeValue, writeField } from '../../../core/index.ts';
import type { CompiledCalculation, CompiledDataset } from './compile-dataset.ts';

export interface LevelPlan {
  /** The constraint as a predicate; undefined when there is none or it only asks for tags. */
  readonly test: ((row: Event) => boolean) | undefined;
  /** Tags the row's event must have (a constraint of tags alone), when not already checked. */
  readonly tags: readonly string[];
  readonly calculations: readonly CompiledCalculation[];
}

/**
 * One backward pass over `levels` (top first): a calculation is kept when `needed` holds its
 * field, and then what it reads is needed; a level's constraint runs before its calculations,
 * so what it reads is needed from the levels above. `needed` grows with everything read.
 * `checkedTags`: the tag-only constraints are settled elsewhere (the event class's admission).
 */
export function planLevels(
  levels: readonly CompiledDataset[],
  needed: Set<string>,
  checkedTags: boolean,
): LevelPlan[] {
  const plans: LevelPlan[] = [];
  for (let k = levels.length - 1; k >= 0; k--) {
    const level = levels[k] as CompiledDataset;
    const calculations: CompiledCalculation[] = [];
    for (let i = level.calculated.length - 1; i >= 0; i--) {
      const calc = level.calculated[i] as CompiledCalculation;
      if (!needed.has(calc.field)) continue;
      calculations.unshift(calc);
      for (const read of calc.reads) needed.add(read);
    }
    const constraint = level.constraint;
    const onlyTags = constraint?.onlyTags === true;
    if (constraint !== undefined && !onlyTags)
      for (const read of constraint.reads) needed.add(read);
    plans.unshift({
      test: constraint === undefined || onlyTags ? undefined : constraint.test,
      tags: onlyTags && !checkedTags ? [...(constraint?.requiredTags ?? [])] : [],
      calculations,
    });
  }
  return plans;
}

/** Runs the levels over `row` in place; false as soon as a constraint rejects it. */
export function runLevels(
  plans: readonly LevelPlan[],
  row: Event,
  tags: ReadonlySet<string>,
): boolean {
  for (const plan of plans) {
    for (const tag of plan.tags) if (!tags.has(tag)) return false;
    if (plan.test !== undefined && !plan.test(row)) return false;
    for (const calc of plan.calculations)
      writeField(row, calc.field, presentOrNull(calc.compute(row)));
  }
  return true;
}

/** An empty value is no value (see compileProjection). */
export function presentOrNull(value: MaybeValue): MaybeValue {
  return value === '' ? undefined : value;
}
