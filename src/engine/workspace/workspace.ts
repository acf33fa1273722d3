// What every command and the server run against: content, search library, field knowledge, data
// models and Sigma rules, loaded and compiled once, with every problem found on the way.
import type { Diagnostic } from '../../core/index.ts';
import type { AttackCatalog, ContentPack, Detection } from '../../detection/index.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type {
  CompiledSigmaSet,
  LogsourceMapping,
  SigmaFiles,
  SigmaRuleSet,
} from '../../sigma/index.ts';
import type {
  CompileSplOptions,
  CompileSplResult,
  DataModelProvider,
  Plan,
} from '../../spl/index.ts';
import type { RuleTriage, RuleTriageOptions } from '../triage/rule-triage.ts';

export interface WorkspaceOptions {
  /** ESCU content directories (`--content`); none: no detections, only the search library. */
  readonly content?: readonly string[];
  /** Macro files or directories after the content's (`--macros`): ESCU YAML, macros.conf. */
  readonly macros?: readonly string[];
  /** Lookup directories after the content's (`--lookups`): ESCU YAML, transforms.conf, CSV. */
  readonly lookups?: readonly string[];
  /** props/transforms/YAML field knowledge applied over the built-in knowledge (`--props`). */
  readonly props?: readonly string[];
  /** The built-in Windows knowledge and data-model event types (default true). */
  readonly builtinKnowledge?: boolean;
  /** Data-model mapping files or directories, after the built-in event types (`--datamodels`). */
  readonly dataModels?: readonly string[];
  /** Sigma rule files or directories (`--sigma`). */
  readonly sigma?: readonly string[];
  /**
   * The `sigma` files read already (another workspace's `sigmaFiles`): compiled instead of what
   * the paths hold now, so a second thread runs the same version as the first.
   */
  readonly sigmaFiles?: SigmaFiles;
  /** A Sigma logsource mapping file (spelunk or THOR format) instead of the built-in one. */
  readonly sigmaMapping?: string;
  /**
   * The compiled Sigma rule-set cache's folder (docs/sigma.md): the user's cache directory by
   * default, null for none (`--no-sigma-cache`).
   */
  readonly sigmaCacheDir?: string | null;
  /**
   * Keep regex-safety verdicts across processes (regex-verdicts.ts), in `sigmaCacheDir`'s folder
   * (none when that is null). Off by default (tests, the server); the CLI's commands turn it on.
   */
  readonly regexCache?: boolean;
  /** Detection names or ids, Sigma titles or ids (`--detection`); every one when empty. */
  readonly select?: readonly string[];
  /** Which rules a triage runs: minimum level, Sigma statuses, excluded and noisy rules. */
  readonly triage?: RuleTriageOptions;
  /** The ATT&CK catalogue technique ids are checked against (`validate --attack`). */
  readonly attack?: AttackCatalog;
  /** Parts a command does not need, left out: no field knowledge, no data models, Sigma rules loaded but not compiled. */
  readonly without?: readonly ('knowledge' | 'data-models' | 'sigma-compile')[];
}

/** A selected, enabled detection and its search compiled (once, when the content loaded). */
export interface RunnableDetection {
  readonly detection: Detection;
  readonly plan: Plan;
}

/** A selected detection that does not run, and why. */
export interface NotRun {
  readonly name: string;
  readonly reason: string;
}

/** Where a problem was found; commands weigh them differently (a bad --props is a usage error). */
export type WorkspaceArea =
  | 'content'
  | 'knowledge'
  | 'data-models'
  | 'sigma'
  | 'sigma-mapping'
  | 'selection';

export interface Workspace {
  readonly options: WorkspaceOptions;
  /** The content and search library: detections, macros, lookups, each search compiled. */
  readonly content: ContentPack;
  /** Every selected content detection, enabled or not, in load order. */
  readonly selected: readonly Detection[];
  /** The selected detections that run (the triage admits them). */
  readonly detections: readonly RunnableDetection[];
  readonly notRun: readonly NotRun[];
  /** The triage: what it left out (`leftOut()`), which rules are noisy, the minimum level. */
  readonly triage: RuleTriage;
  readonly knowledge: KnowledgeBase;
  readonly dataModels: DataModelProvider | undefined;
  /**
   * The selected Sigma rules and correlations as loaded (their documents' problems included),
   * when they are left uncompiled (`without: ['sigma-compile']`, `convert`); a compiled
   * workspace has `sigma`, which may come from the compiled rule-set cache.
   */
  readonly sigmaRules: SigmaRuleSet | undefined;
  readonly sigmaMapping: LogsourceMapping | undefined;
  /** The selected Sigma rules compiled into one matcher's set (unless left out). */
  readonly sigma: CompiledSigmaSet | undefined;
  /** The Sigma rule files as read (undefined without `sigma` paths). */
  readonly sigmaFiles: SigmaFiles | undefined;
  /** Every problem, by where it was found. */
  readonly problems: Readonly<Record<WorkspaceArea, readonly Diagnostic[]>>;
  /** Every problem, data models and content first. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * An ad-hoc search with the workspace's macros, lookups and data models (`spelunk search`, the
   * server's searches), at a time (`now`) and over a time range if given.
   */
  compileSearch(
    text: string,
    options?: Pick<CompileSplOptions, 'now' | 'timeRange'>,
  ): CompileSplResult;
}
