// Helpers for the Sigma tests: load rules from inline YAML and match events against them.
import type { Diagnostic } from '../../src/core/diagnostic.ts';
import type { Event } from '../../src/core/event.ts';
import {
  type CompiledSigmaSet,
  compileSigmaRules,
  createSigmaMatcher,
  loadSigmaRuleSet,
  type SigmaCompileOptions,
  type SigmaRuleSet,
} from '../../src/sigma/index.ts';

export const SYSMON = 'Microsoft-Windows-Sysmon/Operational';

export function loadText(text: string, name = 'rule.yml'): SigmaRuleSet {
  return loadSigmaRuleSet([{ name, text }]);
}

/** Every diagnostic of every document and of the set. */
export function allDiagnostics(set: SigmaRuleSet): Diagnostic[] {
  return [...set.diagnostics, ...set.documents.flatMap((d) => d.diagnostics)];
}

/** A Sysmon process-creation rule around the given `detection:` body (indented by 4). */
export function processRule(detection: string, extra = ''): string {
  return `title: Test rule
id: 11111111-2222-4333-8444-555555555555
status: test
level: high
logsource:
    category: process_creation
    product: windows
${extra}detection:
${detection}`;
}

export function sysmonProcess(fields: Event): Event {
  return { EventID: '1', Channel: SYSMON, _time: 1_700_000_000, ...fields };
}

/** Compiles the text and returns a function telling which rule titles match an event. */
export function matcherFor(
  text: string,
  options: SigmaCompileOptions = {},
): {
  compiled: CompiledSigmaSet;
  titles: (event: Event) => string[];
  matches: (event: Event) => boolean;
} {
  const set = loadText(text);
  const errors = allDiagnostics(set).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join('\n'));
  const compiled = compileSigmaRules(set, options);
  const matcher = createSigmaMatcher(compiled);
  const titles = (event: Event) => matcher.match(event).map((m) => m.rule.title);
  return { compiled, titles, matches: (event) => titles(event).length > 0 };
}
