// `lookup <table> <field> [AS <event-field>] ... [OUTPUT|OUTPUTNEW ...]`: enriches rows from a lookup table (Search Reference, lookup).
import type { LookupCommand } from '../ast/command.ts';
import { compileLookupApplication, type LookupFieldPair } from '../lookups/apply-lookup.ts';
import { atSpan, type StageCompileContext, type StageResult } from './compile-context.ts';
import { type FieldNeed, unionNeed } from './field-need.ts';
import { headerOf, updateStage } from './stage-kit.ts';

/**
 * The table is resolved and indexed once, when the search is compiled; an unknown table or
 * column is a compile error pointing at it. `local=` and `update=` change nothing here (there
 * are no remote peers and no real-time searches).
 */
export function compileLookup(command: LookupCommand, context: StageCompileContext): StageResult {
  const resolved = context.lookups.resolve(command.table.value);
  if ('severity' in resolved) return [atSpan(context, resolved, command.table.span)];
  const inputs: LookupFieldPair[] = command.inputs.map((alias) => ({
    lookupField: alias.field.name,
    eventField: alias.alias?.name ?? alias.field.name,
  }));
  const outputs: LookupFieldPair[] | undefined = command.output?.fields.map((alias) => ({
    lookupField: alias.field.name,
    eventField: alias.alias?.name ?? alias.field.name,
  }));
  const apply = compileLookupApplication(resolved, {
    inputs,
    outputs,
    mode: command.output?.mode ?? 'OUTPUT',
  });
  if (typeof apply !== 'function') {
    return [atSpan(context, apply, command.output?.span ?? command.span)];
  }
  const inputFields = inputs.map((p) => p.eventField);
  // Outputs are written only when every input is present, so downstream reads of them still
  // need the incoming values.
  const needs = (downstream: FieldNeed) => unionNeed(downstream, inputFields);
  return updateStage({ ...headerOf(command), needs }, apply);
}
