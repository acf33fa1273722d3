// The Sigma part of a workspace: the mapping file, the rule files, the selection, the compile.
import { readFileSync } from 'node:fs';
import { type Diagnostic, error, hasErrors, pushAll } from '../../core/index.ts';
import {
  type CompiledSigmaSet,
  compileSigmaRules,
  type LogsourceMapping,
  loadLogsourceMapping,
  loadSigmaRuleSet,
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
 * read the mapping file (a mapping with errors stops here: nothing would route as asked) → read
 * and load the rule files → keep the selected rules and correlations → compile them with the
 * mapping (unless left out).
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
  const files = readSigmaFiles(paths);
  const loaded = loadSigmaRuleSet(files.sources, files.diagnostics);
  for (const document of loaded.documents) pushAll(problems.sigma, document.diagnostics);
  pushAll(problems.sigma, loaded.diagnostics);
  const sigmaRules: SigmaRuleSet = {
    ...loaded,
    rules: loaded.rules.filter((r) => selection.picks(r.title, r.id)),
    correlations: loaded.correlations.filter((c) => selection.picks(c.title, c.id)),
  };
  if (!compile) return { sigmaRules, sigmaMapping: mapping, sigma: undefined };
  const sigma = compileSigmaRules(sigmaRules, mapping ? { mapping } : {});
  pushAll(problems.sigma, sigma.diagnostics);
  return { sigmaRules, sigmaMapping: mapping, sigma };
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
