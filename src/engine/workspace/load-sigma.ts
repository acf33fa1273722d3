// The Sigma part of a workspace: the mapping file, the rule files, the selection, the compile.
import { readFileSync } from 'node:fs';
import { type Diagnostic, error, hasErrors, pushAll } from '../../core/index.ts';
import {
  type CompiledSigmaSet,
  chooseSigmaRules,
  type LogsourceMapping,
  loadLogsourceMapping,
  loadSigmaRuleSet,
  loadSigmaRules,
  readSigmaFiles,
  SIGMA_CODES,
  type SigmaFiles,
  type SigmaRuleChoice,
  type SigmaRuleSet,
} from '../../sigma/index.ts';
import type { RuleTriage } from '../triage/rule-triage.ts';
import type { Selection } from './selection.ts';
import type { WorkspaceArea, WorkspaceOptions } from './workspace.ts';

export interface LoadedSigma {
  readonly sigmaRules: SigmaRuleSet | undefined;
  readonly sigmaMapping: LogsourceMapping | undefined;
  readonly sigma: CompiledSigmaSet | undefined;
  /** The rule files as read when compiling (to compile the same texts elsewhere). */
  readonly sigmaFiles: SigmaFiles | undefined;
}

/** Never rules: SigmaHQ's regression test data and its test configurations. */
const NOT_RULES: ReadonlySet<string> = new Set(['regression_data', 'tests']);
/** Folders of rules with that status, as the SigmaHQ tree keeps them. */
const STATUS_FOLDERS: ReadonlySet<string> = new Set(['deprecated', 'unsupported']);

/**
 * read the mapping file (a mapping with errors stops here: nothing would route as asked) → the
 * rule files (folders walked without `regression_data/` and `tests/`, and without `deprecated/`
 * and `unsupported/` unless the triage admits those statuses) → the selected rules and
 * correlations the triage admits (and the rules those correlations read) compiled with the mapping
 * (loadSigmaRules: from the compiled rule-set cache when nothing changed), or, when compiling is
 * left out, loaded and chosen alike.
 */
export function loadSigma(
  options: WorkspaceOptions,
  selection: Selection,
  triage: RuleTriage,
  compile: boolean,
  problems: Record<WorkspaceArea, Diagnostic[]>,
): LoadedSigma {
  const none = {
    sigmaRules: undefined,
    sigmaMapping: undefined,
    sigma: undefined,
    sigmaFiles: undefined,
  };
  let mapping: LogsourceMapping | undefined;
  if (options.sigmaMapping !== undefined) {
    mapping = readMapping(options.sigmaMapping, problems['sigma-mapping']);
    if (mapping === undefined) return none;
  }
  const paths = options.sigma ?? [];
  if (paths.length === 0) return { ...none, sigmaMapping: mapping };
  const walks = (folder: string) =>
    !NOT_RULES.has(folder) && (!STATUS_FOLDERS.has(folder) || triage.walksFolder(folder));
  const choice = ruleChoice(paths, selection, triage);
  if (compile) {
    // From the compiled rule-set cache when nothing changed (docs/sigma.md).
    const loaded = loadSigmaRules(paths, {
      walks,
      choice,
      ...(mapping ? { mapping } : {}),
      ...(options.sigmaCacheDir === undefined ? {} : { cacheDir: options.sigmaCacheDir }),
      ...(options.sigmaFiles === undefined ? {} : { files: options.sigmaFiles }),
    });
    pushAll(problems.sigma, loaded.diagnostics);
    return {
      sigmaRules: undefined,
      sigmaMapping: mapping,
      sigma: loaded.compiled,
      sigmaFiles: loaded.files,
    };
  }
  const files = options.sigmaFiles ?? readSigmaFiles(paths, { walks });
  const loaded = loadSigmaRuleSet(files.sources, files.diagnostics);
  for (const document of loaded.documents) pushAll(problems.sigma, document.diagnostics);
  pushAll(problems.sigma, loaded.diagnostics);
  const sigmaRules = chooseSigmaRules(loaded, choice).ruleSet;
  return { sigmaRules, sigmaMapping: mapping, sigma: undefined, sigmaFiles: files };
}

/**
 * The selected rules and correlations the triage admits; a rule file named on the command line
 * runs whatever its status. Its key: the names selected and what the triage admits by.
 */
function ruleChoice(
  paths: readonly string[],
  selection: Selection,
  triage: RuleTriage,
): SigmaRuleChoice {
  const named = new Set(paths);
  return {
    key: JSON.stringify({
      selection: selection.key(),
      triage: triage.admissionKey(),
      named: [...named],
    }),
    keeps: (head) =>
      selection.picks(head.title, head.id) &&
      triage.admits({
        name: head.title,
        id: head.id,
        level: head.level ?? 'informational',
        status: head.status,
        fromFolder: !named.has(head.file),
      }),
  };
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
