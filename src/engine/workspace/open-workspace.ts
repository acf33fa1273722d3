// The one front door to what runs: every command, and the server, open a workspace.
import { type Diagnostic, error, warning } from '../../core/index.ts';
import { loadContent } from '../../detection/index.ts';
import {
  type KnowledgeBase,
  loadDataModels,
  loadFieldKnowledge,
  NO_KNOWLEDGE,
} from '../../knowledge/index.ts';
import { defaultCacheDir } from '../../sigma/index.ts';
import { compileSpl, type DataModelProvider } from '../../spl/index.ts';
import { HUNT_CODES } from '../hunt/hunt-codes.ts';
import { RuleTriage } from '../triage/rule-triage.ts';
import { severityOfDetection } from '../triage/severity.ts';
import { loadSigma } from './load-sigma.ts';
import { keepRegexVerdicts, rememberRegexVerdicts } from './regex-verdicts.ts';
import { Selection } from './selection.ts';
import type {
  NotRun,
  RunnableDetection,
  Workspace,
  WorkspaceArea,
  WorkspaceOptions,
} from './workspace.ts';

/**
 * load the data models → load the content and the search library (every search compiled once,
 * against those data models) → select detections → load, select and compile the Sigma rules (with
 * the mapping) → load the field knowledge (with the content's lookups). Never throws on bad
 * files: every problem is collected, by area, and the rest loads.
 */
export function openWorkspace(options: WorkspaceOptions = {}): Workspace {
  const without = new Set(options.without ?? []);
  const builtin = options.builtinKnowledge !== false;
  const problems: Record<WorkspaceArea, Diagnostic[]> = {
    'data-models': [],
    content: [],
    selection: [],
    'sigma-mapping': [],
    sigma: [],
    knowledge: [],
  };

  // Verdicts of earlier processes first: the data models and the content compile regexes.
  const regexCacheDir =
    options.regexCache !== true
      ? null
      : options.sigmaCacheDir === undefined
        ? defaultCacheDir()
        : options.sigmaCacheDir;
  problems.content.push(...rememberRegexVerdicts(regexCacheDir));
  let dataModels: DataModelProvider | undefined;
  if (!without.has('data-models')) {
    // tstats/datamodel searches read the CIM data models, computed from the events in the pass.
    const loaded = loadDataModels({ paths: options.dataModels ?? [], builtin });
    problems['data-models'].push(...loaded.diagnostics);
    dataModels = loaded.dataModels;
  }
  const content = loadContent(options.content ?? [], {
    ...(options.macros ? { macros: options.macros } : {}),
    ...(options.lookups ? { lookups: options.lookups } : {}),
    ...(options.attack ? { attack: options.attack } : {}),
    ...(dataModels ? { dataModels } : {}),
  });
  problems.content.push(...content.diagnostics);

  const selection = new Selection(options.select ?? []);
  const triage = new RuleTriage(options.triage);
  const selected = content.detections.filter((d) => selection.picks(d.name, d.id));
  const detections: RunnableDetection[] = [];
  const notRun: NotRun[] = [];
  for (const detection of selected) {
    const plan = content.plans.get(detection.id);
    if (detection.enabled && plan !== undefined) {
      const level = severityOfDetection(detection);
      if (triage.admits({ name: detection.name, id: detection.id, level })) {
        detections.push({ detection, plan });
      }
      continue;
    }
    const reason = detection.disabled?.message ?? 'its search does not compile';
    notRun.push({ name: detection.name, reason });
    if (selection.named) {
      problems.selection.push(
        warning(
          HUNT_CODES.detectionDisabled,
          `detection "${detection.name}" does not run: ${reason}`,
        ),
      );
    }
  }

  const sigma = loadSigma(options, selection, triage, !without.has('sigma-compile'), problems);
  for (const name of selection.unmatched()) {
    problems.selection.push(
      error(
        HUNT_CODES.unknownDetection,
        `--detection "${name}" names no loaded detection${options.sigma === undefined ? '' : ' or Sigma rule'}`,
      ),
    );
  }

  let knowledge: KnowledgeBase = NO_KNOWLEDGE;
  if (!without.has('knowledge')) {
    const loaded = loadFieldKnowledge({
      paths: options.props ?? [],
      builtin,
      lookups: content.lookups,
    });
    problems.knowledge.push(...loaded.diagnostics);
    knowledge = loaded.base;
  }

  problems.content.push(...keepRegexVerdicts(regexCacheDir));

  return {
    options,
    content,
    selected,
    detections,
    notRun,
    triage,
    knowledge,
    dataModels,
    ...sigma,
    problems,
    diagnostics: Object.values(problems).flat(),
    compileSearch: (text, options = {}) =>
      compileSpl(text, {
        ...options,
        macros: content.macros,
        lookups: content.lookups,
        ...(dataModels ? { dataModels } : {}),
      }),
  };
}
