// Reads values for `expand` placeholders: a YAML map of placeholder name → value or list of values.
import type { Diagnostic, SourceText } from '../../core/index.ts';
import { readYamlDocuments } from '../yaml/read-yaml.ts';
import { createProblems, report, scalarText } from './problems.ts';

export interface LoadedPlaceholders {
  readonly placeholders?: ReadonlyMap<string, readonly string[]>;
  readonly diagnostics: readonly Diagnostic[];
}

/** `known_cdcs: [dc1.corp.example, 10.0.0.5]` gives `%known_cdcs%` two values (ORed). */
export function loadPlaceholders(source: SourceText): LoadedPlaceholders {
  const problems = createProblems(source);
  const docs = readYamlDocuments(source);
  problems.diagnostics.push(...docs.flatMap((d) => d.diagnostics));
  const root = docs[0]?.root;
  if (root === undefined || root === null || root.kind !== 'map') {
    report(
      problems,
      'badPlaceholders',
      'a placeholders file is a map of name → values',
      root?.span ?? { start: 0, end: 0 },
    );
    return { diagnostics: problems.diagnostics };
  }
  const placeholders = new Map<string, readonly string[]>();
  for (const entry of root.entries) {
    const items = entry.value.kind === 'seq' ? entry.value.items : [entry.value];
    const values: string[] = [];
    for (const item of items) {
      const text = scalarText(item);
      if (text === undefined)
        report(problems, 'badPlaceholders', 'placeholder values must be scalars', item.span);
      else values.push(text);
    }
    placeholders.set(entry.key.replace(/^%|%$/g, ''), values);
  }
  return {
    ...(problems.diagnostics.some((d) => d.severity === 'error') ? {} : { placeholders }),
    diagnostics: problems.diagnostics,
  };
}
