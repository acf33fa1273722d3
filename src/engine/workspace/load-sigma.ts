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
  type SigmaCorrelation,
  type SigmaRule,
  type SigmaRuleSet,
} from '../../sigma/index.ts';
import type { RuleTriage } from '../triage/rule-triage.ts';
import type { Selection } from './selection.ts';
import type { WorkspaceArea, WorkspaceOptions } from './workspace.ts';

export interface LoadedSigma {
  readonly sigmaRules: SigmaRuleSet | undefined;
  readonly sigmaMapping: LogsourceMapping | undefined;
  readonly sigma: CompiledSigmaSet | undefined;
}

/** Never rules: SigmaHQ's regression test data and its test configurations. */
const NOT_RULES: ReadonlySet<string> = new Set(['regression_data', 'tests']);
/** Folders of rules with that status, as the SigmaHQ tree keeps them. */
const STATUS_FOLDERS: ReadonlySet<string> = new Set(['deprecated', 'unsupported']);

/**
 * read the mapping file (a mapping with errors stops here: nothing would route as asked) → read
 * and load the rule files (folders walked without `regression_data/` and `tests/`, and without
 * `deprecated/` and `unsupported/` unless the triage admits those statuses) → keep the selected
 * rules and correlations the triage admits (and the rules those correlations read) → compile
 * them with the mapping (unless left out).
 */
export function loadSigma(
  options: WorkspaceOptions,
  selection: Selection,
  triage: RuleTriage,
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
  const files = readSigmaFiles(paths, {
    walks: (folder) =>
      !NOT_RULES.has(folder) && (!STATUS_FOLDERS.has(folder) || triage.walksFolder(folder)),
  });
  const loaded = loadSigmaRuleSet(files.sources, files.diagnostics);
  for (const document of loaded.documents) pushAll(problems.sigma, document.diagnostics);
  pushAll(problems.sigma, loaded.diagnostics);
  // A rule file named on the command line runs whatever its status.
  const named = new Set(paths);
  const admitted = (doc: SigmaRule | SigmaCorrelation) =>
    selection.picks(doc.title, doc.id) &&
    triage.admits({
      name: doc.title,
      id: doc.id,
      level: doc.level ?? 'informational',
      status: doc.status,
      fromFolder: !named.has(doc.origin.source.name),
    });
  const correlations = loaded.correlations.filter(admitted);
  // The rules a kept correlation reads run with it (they report only with `generate: true`).
  const read = new Set(correlations.flatMap((c) => c.rules));
  const sigmaRules: SigmaRuleSet = {
    ...loaded,
    rules: loaded.rules.filter(
      (r) =>
        (r.id !== undefined && read.has(r.id)) ||
        (r.name !== undefined && read.has(r.name)) ||
        admitted(r),
    ),
    correlations,
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
