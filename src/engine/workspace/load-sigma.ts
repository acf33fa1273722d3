// The Sigma part of a workspace: the mapping file, the rule files, the selection, the compile.
import { readFileSync } from 'node:fs';
import { type Diagnostic, error, hasErrors } from '../../core/index.ts';
import {
  type CompiledSigmaSet,
  type LogsourceMapping,
  loadLogsourceMapping,
  loadSigmaRuleSet,
  loadSigmaRules,
  readSigmaFiles,
  SIGMA_CODES,
  type SigmaRuleSet,
} from '../../sigma/index.ts';
import type { Selection } from './selection.ts';
import type { WorkspaceArea, WorkspaceOptions } from './workspace.ts';

export interface LoadedSigma {
  readonly sigmaRules: SigmaRuleSet | undefined;
  readonly sigmaMapping: LogsourceMapping | undefined;
  readonly sigma: CompiledSigmaSet | undefined;
}

/**
 * read the mapping file (a mapping with errors stops here: nothing would route as asked) → the
 * selected rules compiled with the mapping (loadSigmaRules: from the compiled rule-set cache when
 * nothing changed), or, when compiling is left out, the rule files read and loaded and the
 * selected rules and correlations kept.
 */
export function loadSigma(
  options: WorkspaceOptions,
  selection: Selection,
  compile: boolean,
  problems: Record<WorkspaceArea, Diagnostic[]>,
): LoadedSigma {
  const none = { sigmaRules: undefined, sigmaMapping: undefined, sigma: undefined };
  let mapping: LogsourceMapping | undefined;
  if (options.sigmaMapping !== undefined) {
    mapping = readMapping(options.sigmaMapping, problems['sigma-mapping']);
    if (mapping === undefined) return none;
  }
  const paths = options.sigma ?? [];
  if (paths.length === 0) return { ...none, sigmaMapping: mapping };
  if (compile) {
    // From the compiled rule-set cache when nothing changed (docs/sigma.md).
    const loaded = loadSigmaRules(paths, {
      only: options.select ?? [],
      ...(mapping ? { mapping } : {}),
      ...(options.sigmaCacheDir === undefined ? {} : { cacheDir: options.sigmaCacheDir }),
    });
    problems.sigma.push(...loaded.diagnostics);
    for (const rule of loaded.selected) selection.picks(rule.title, rule.id);
    return { sigmaRules: undefined, sigmaMapping: mapping, sigma: loaded.compiled };
  }
  const files = readSigmaFiles(paths);
  const loaded = loadSigmaRuleSet(files.sources, files.diagnostics);
  for (const document of loaded.documents) problems.sigma.push(...document.diagnostics);
  problems.sigma.push(...loaded.diagnostics);
  const sigmaRules: SigmaRuleSet = {
    ...loaded,
    rules: loaded.rules.filter((r) => selection.picks(r.title, r.id)),
    correlations: loaded.correlations.filter((c) => selection.picks(c.title, c.id)),
  };
  return { sigmaRules, sigmaMapping: mapping, sigma: undefined };
}

function readMapping(file: string, problems: Diagnostic[]): LogsourceMapping | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    problems.push(
      error(SIGMA_CODES.unreadableFile, `cannot read ${file}: ${(cause as Error).message}`, {
        location: file,
      }),
    );
    return undefined;
  }
  const loaded = loadLogsourceMapping({ name: file, text });
  problems.push(...loaded.diagnostics);
  return loaded.mapping === undefined || hasErrors(loaded.diagnostics) ? undefined : loaded.mapping;
}
