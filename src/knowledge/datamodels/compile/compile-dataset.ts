// A data model's datasets compiled once: constraints to predicates (with the tags they ask for), calculated fields to evaluators.
import type { Diagnostic, Event, MaybeValue } from '../../../core/index.ts';
import {
  compileExpr,
  compileSearch,
  forEachSearchLeaf,
  type RouteFilter,
  routeOfSearch,
  type SearchComparison,
  type SearchExpr,
  toFieldValue,
} from '../../../spl/index.ts';
import { DATAMODEL_CODES } from '../datamodel-codes.ts';
import type { DataModelSpec, DatasetSpec } from '../model/data-model-spec.ts';
import { builtinText, parseEvalText, parseSearchText } from './parse-text.ts';
import { withPassThrough } from './pass-through.ts';

export interface CompiledConstraint {
  readonly test: (row: Event) => boolean;
  readonly reads: ReadonlySet<string>;
  /** Tags the constraint needs an event to have (`tag=a tag=b` at its top level). */
  readonly requiredTags: ReadonlySet<string>;
  /** The constraint is nothing but its required tags: having them is passing it. */
  readonly onlyTags: boolean;
  /** Every tag it names; undefined when it tests tags in a way that names none (`tag=*`). */
  readonly namedTags: ReadonlySet<string> | undefined;
  /** The constraint as a router would read it (its non-tag part). */
  readonly route: RouteFilter;
}

export interface CompiledCalculation {
  readonly field: string;
  readonly compute: (row: Event) => MaybeValue;
  /** The expression evaluated as written (compute answers some rows without it). */
  readonly general: (row: Event) => MaybeValue;
  readonly reads: ReadonlySet<string>;
}

export interface CompiledDataset {
  readonly model: string;
  readonly name: string;
  /** From the root down, this dataset included. */
  readonly path: readonly string[];
  readonly parent: CompiledDataset | undefined;
  readonly constraint: CompiledConstraint | undefined;
  /** Fields read from the event as they are, beyond the parent's. */
  readonly extracted: readonly string[];
  readonly calculated: readonly CompiledCalculation[];
  readonly children: readonly CompiledDataset[];
}

export interface CompiledDataModel {
  readonly name: string;
  readonly roots: readonly CompiledDataset[];
}

/** A constraint or calculation that does not compile is reported and the dataset left out. */
export function compileDataModel(
  spec: DataModelSpec,
  diagnostics: Diagnostic[],
): CompiledDataModel {
  const roots = spec.roots.flatMap((root) => {
    const compiled = compileDataset(spec.name, root, undefined, diagnostics);
    return compiled === undefined ? [] : [compiled];
  });
  return { name: spec.name, roots };
}

function compileDataset(
  model: string,
  spec: DatasetSpec,
  parent: CompiledDataset | undefined,
  diagnostics: Diagnostic[],
): CompiledDataset | undefined {
  const path = [...(parent?.path ?? []), spec.name];
  const where = `${model}.${path.join('.')}`;
  const problems: Diagnostic[] = [];
  const constraint =
    spec.constraint === ''
      ? undefined
      : compileConstraint(`${where} constraint`, spec.constraint, problems);
  const calculated: CompiledCalculation[] = [];
  for (const { field, expression } of spec.calculated) {
    const text = builtinText(`${where}.${field}`, expression);
    const parsed = parseEvalText(text, DATAMODEL_CODES.badDefinition);
    if (!parsed.ok) {
      problems.push(...parsed.diagnostics);
      continue;
    }
    const compiled = compileExpr(parsed.value, { source: text.source });
    if (!compiled.ok) {
      problems.push(...compiled.diagnostics);
      continue;
    }
    const evaluate = compiled.value.evaluate;
    calculated.push({
      field,
      compute: withPassThrough(parsed.value, (row) => toFieldValue(evaluate(row))),
      general: (row) => toFieldValue(evaluate(row)),
      reads: compiled.value.fields,
    });
  }
  if (problems.length > 0) {
    diagnostics.push(...problems);
    return undefined;
  }
  const children: CompiledDataset[] = [];
  const dataset: CompiledDataset = {
    model,
    name: spec.name,
    path,
    parent,
    constraint,
    extracted: spec.fields,
    calculated,
    children,
  };
  for (const child of spec.children) {
    const compiled = compileDataset(model, child, dataset, diagnostics);
    if (compiled !== undefined) children.push(compiled);
  }
  return dataset;
}

function compileConstraint(
  name: string,
  text: string,
  problems: Diagnostic[],
): CompiledConstraint | undefined {
  const located = builtinText(name, text);
  const parsed = parseSearchText(located, DATAMODEL_CODES.badDefinition);
  if (!parsed.ok) {
    problems.push(...parsed.diagnostics);
    return undefined;
  }
  if (parsed.value === undefined) return undefined;
  const compiled = compileSearch(parsed.value, { source: located.source });
  if (!compiled.ok) {
    problems.push(...compiled.diagnostics);
    return undefined;
  }
  return {
    test: compiled.value.test,
    reads: compiled.value.fields,
    requiredTags: requiredTags(parsed.value),
    onlyTags: onlyTags(parsed.value),
    namedTags: namedTags(parsed.value),
    route: routeOfSearch(parsed.value),
  };
}

function isTagEquality(expr: SearchExpr): expr is SearchComparison {
  return (
    expr.kind === 'SearchComparison' &&
    expr.field === 'tag' &&
    expr.op === '=' &&
    !expr.value.text.includes('*') &&
    !expr.value.caseSensitive &&
    !expr.value.term
  );
}

function requiredTags(expr: SearchExpr): ReadonlySet<string> {
  const operands = expr.kind === 'SearchAnd' ? expr.operands : [expr];
  const tags = new Set<string>();
  for (const operand of operands) {
    if (isTagEquality(operand)) tags.add(operand.value.text.toLowerCase());
  }
  return tags;
}

function onlyTags(expr: SearchExpr): boolean {
  return (expr.kind === 'SearchAnd' ? expr.operands : [expr]).every(isTagEquality);
}

function namedTags(expr: SearchExpr): ReadonlySet<string> | undefined {
  const tags = new Set<string>();
  let open = false;
  forEachSearchLeaf(expr, (node) => {
    if (node.field !== 'tag' && !node.field.includes('*')) return;
    const values = node.kind === 'SearchIn' ? node.values : [node.value];
    for (const value of values) {
      if (value.text.includes('*') || node.field !== 'tag') open = true;
      else tags.add(value.text.toLowerCase());
    }
  });
  return open ? undefined : tags;
}
