// What a hunt runs: content loaded, detections selected and compiled, Sigma rules compiled, field knowledge loaded.
import { type Diagnostic, error, warning } from '../../core/index.ts';
import {
  BUILTIN_CONTENT_DIR,
  type ContentPack,
  compileDetection,
  type Detection,
  loadContent,
} from '../../detection/index.ts';
import { type KnowledgeBase, loadDataModels, loadFieldKnowledge } from '../../knowledge/index.ts';
import {
  type CompiledSigmaSet,
  compileSigmaRules,
  type LogsourceMapping,
  loadSigmaRuleSet,
  readSigmaFiles,
} from '../../sigma/index.ts';
import type { Plan } from '../../spl/index.ts';
import { HUNT_CODES } from './hunt-codes.ts';

export interface HuntSetupOptions {
  /** ESCU content directories; the built-in pack when empty. */
  readonly content: readonly string[];
  /** Sigma rule files or directories, run beside the content's detections. */
  readonly sigma: readonly string[];
  readonly sigmaMapping?: LogsourceMapping;
  /** Detection names or ids (Sigma: titles or ids) to run; all enabled ones when empty. */
  readonly only: readonly string[];
  /** props/transforms/YAML knowledge applied over the built-in Windows knowledge. */
  readonly props?: readonly string[];
  /** Include the built-in Windows knowledge and data-model event types (default true). */
  readonly builtinKnowledge?: boolean;
  /** Data-model mapping files or directories, after the built-in event types. */
  readonly dataModels?: readonly string[];
}

export interface SplHuntDetection {
  readonly detection: Detection;
  readonly plan: Plan;
}

export interface NotRun {
  readonly name: string;
  readonly reason: string;
}

export interface HuntSetup {
  readonly pack: ContentPack;
  readonly spl: readonly SplHuntDetection[];
  readonly sigma: CompiledSigmaSet | undefined;
  readonly knowledge: KnowledgeBase;
  /** Loaded detections that do not run (disabled, or their search failed to compile). */
  readonly notRun: readonly NotRun[];
  /** Content, Sigma and knowledge problems; errors mean something did not load. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * load content (the built-in pack by default) → select detections (`only`) → compile each
 * enabled one with its pack's macros, lookups and data models → load and compile Sigma rules
 * (keeping only the selected ones) → load the field knowledge, with the pack's lookups.
 */
export function prepareHunt(options: HuntSetupOptions): HuntSetup {
  const diagnostics: Diagnostic[] = [];
  // tstats/datamodel searches read the CIM data models, computed from the events in the pass.
  const dataModels = loadDataModels({
    paths: options.dataModels ?? [],
    builtin: options.builtinKnowledge !== false,
  });
  diagnostics.push(...dataModels.diagnostics);
  const pack = loadContent(options.content.length > 0 ? options.content : [BUILTIN_CONTENT_DIR], {
    dataModels: dataModels.dataModels,
  });
  diagnostics.push(...pack.diagnostics);

  const wanted = new Set(options.only.map((n) => n.toLowerCase()));
  const picks = (name: string, id: string | undefined) =>
    wanted.size === 0 ||
    wanted.has(name.toLowerCase()) ||
    (id !== undefined && wanted.has(id.toLowerCase()));
  const found = new Set<string>();
  const mark = (name: string, id: string | undefined) => {
    found.add(name.toLowerCase());
    if (id !== undefined) found.add(id.toLowerCase());
  };

  const spl: SplHuntDetection[] = [];
  const notRun: NotRun[] = [];
  for (const detection of pack.detections) {
    if (!picks(detection.name, detection.id)) continue;
    mark(detection.name, detection.id);
    if (!detection.enabled) {
      const reason = detection.disabled?.message ?? 'disabled';
      notRun.push({ name: detection.name, reason });
      if (wanted.size > 0) {
        diagnostics.push(
          warning(
            HUNT_CODES.detectionDisabled,
            `detection "${detection.name}" does not run: ${reason}`,
          ),
        );
      }
      continue;
    }
    const compiled = compileDetection(detection, pack);
    if (!compiled.ok) {
      diagnostics.push(...compiled.diagnostics);
      notRun.push({ name: detection.name, reason: 'its search does not compile' });
      continue;
    }
    spl.push({ detection, plan: compiled.plan });
  }

  let sigma: CompiledSigmaSet | undefined;
  if (options.sigma.length > 0) {
    const files = readSigmaFiles(options.sigma);
    const ruleSet = loadSigmaRuleSet(files.sources, files.diagnostics);
    for (const document of ruleSet.documents) diagnostics.push(...document.diagnostics);
    diagnostics.push(...ruleSet.diagnostics);
    const selected =
      wanted.size === 0
        ? ruleSet
        : {
            ...ruleSet,
            rules: ruleSet.rules.filter((r) => picks(r.title, r.id)),
            correlations: ruleSet.correlations.filter((c) => picks(c.title, c.id)),
          };
    for (const r of [...selected.rules, ...selected.correlations]) mark(r.title, r.id);
    sigma = compileSigmaRules(
      selected,
      options.sigmaMapping ? { mapping: options.sigmaMapping } : {},
    );
    diagnostics.push(...sigma.diagnostics);
  }

  for (const name of options.only) {
    if (!found.has(name.toLowerCase())) {
      diagnostics.push(
        error(
          HUNT_CODES.unknownDetection,
          `--detection "${name}" names no loaded detection or Sigma rule`,
        ),
      );
    }
  }

  const knowledge = loadFieldKnowledge({
    paths: options.props ?? [],
    builtin: options.builtinKnowledge !== false,
    lookups: pack.lookups,
  });
  diagnostics.push(...knowledge.diagnostics);
  return { pack, spl, sigma, knowledge: knowledge.base, notRun, diagnostics };
}
