// What the detect role runs, and the search role compiles against: the engine's workspace over the
// content directories and Sigma rules, reloaded when their files change or on SIGHUP. A reload that
// brings errors the running version did not have is refused: the last good version keeps running
// and the errors are reported (log, REST status, `spelunk status`).
import { type FSWatcher, statSync, watch } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, formatDiagnostics } from '../../core/index.ts';
import { BUILTIN_CONTENT_DIR } from '../../detection/index.ts';
import { openWorkspace, type Workspace } from '../../engine/index.ts';

export interface DetectContentOptions {
  /** ESCU content directories; the built-in pack when empty. */
  readonly content?: readonly string[];
  /** Sigma rule files or directories, streamed over every committed event. */
  readonly sigma?: readonly string[];
  readonly sigmaMapping?: string;
  readonly props?: readonly string[];
  readonly dataModels?: readonly string[];
  readonly builtinKnowledge?: boolean;
}

export interface ReloadOutcome {
  /** Epoch seconds (the system clock). */
  readonly time: number;
  readonly reason: string;
  /** The new version runs. */
  readonly applied: boolean;
  /** Errors the refused version had that the running one does not. */
  readonly errors: readonly Diagnostic[];
}

const DEBOUNCE_MS = 300;

export class DetectContent {
  private workspace: Workspace;
  private readonly options: DetectContentOptions;
  private readonly log: (line: string) => void;
  private readonly listeners = new Set<(workspace: Workspace) => void>();
  private readonly watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private reloading: Promise<ReloadOutcome> | undefined;
  /** Reloads done since start (0: the version loaded at start). */
  version = 0;
  lastReload: ReloadOutcome | undefined;

  constructor(options: DetectContentOptions, log: (line: string) => void) {
    this.options = options;
    this.log = log;
    this.workspace = open(options);
  }

  get current(): Workspace {
    return this.workspace;
  }

  /** Called with the new workspace after each reload that was applied. */
  onChange(listener: (workspace: Workspace) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the content again; keeps the running version if the new one brings new errors. */
  reload(reason: string): Promise<ReloadOutcome> {
    this.reloading ??= Promise.resolve()
      .then(() => this.load(reason))
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }

  /** Watches every content directory and Sigma path; a change reloads after a short quiet time. */
  watch(): void {
    const content = this.options.content ?? [];
    const paths = [
      ...(content.length > 0 ? content : [BUILTIN_CONTENT_DIR]),
      ...(this.options.sigma ?? []),
      ...(this.options.sigmaMapping ? [this.options.sigmaMapping] : []),
      ...(this.options.props ?? []),
    ];
    for (const target of paths) {
      try {
        const directory = statSync(target).isDirectory();
        // A file is watched through its folder: editors replace files by renaming over them.
        const folder = directory ? target : path.dirname(target);
        const name = directory ? undefined : path.basename(target);
        const watcher = watch(folder, { recursive: directory }, (_event, file) => {
          if (name === undefined || file === name) this.changed();
        });
        watcher.on('error', (error) => this.log(`content watch on ${target}: ${error.message}`));
        this.watchers.push(watcher);
      } catch (error) {
        this.log(`cannot watch ${target}: ${(error as Error).message}`);
      }
    }
  }

  close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers.length = 0;
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.reload('files changed').catch((e: unknown) => this.log(`reload failed: ${String(e)}`));
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  private load(reason: string): ReloadOutcome {
    const next = open(this.options);
    const known = new Set(errorsOf(this.workspace).map(keyOf));
    const errors = errorsOf(next).filter((d) => !known.has(keyOf(d)));
    const outcome: ReloadOutcome = {
      time: Date.now() / 1000,
      reason,
      applied: errors.length === 0,
      errors,
    };
    this.lastReload = outcome;
    if (!outcome.applied) {
      this.log(
        `content reload (${reason}) refused, the last good version keeps running:\n${formatDiagnostics(errors)}`,
      );
      return outcome;
    }
    this.workspace = next;
    this.version++;
    this.log(
      `content reloaded (${reason}): ${next.detections.length} detections, ${next.sigma?.rules.length ?? 0} Sigma rules`,
    );
    for (const listener of this.listeners) listener(next);
    return outcome;
  }
}

function open(options: DetectContentOptions): Workspace {
  const content = options.content ?? [];
  return openWorkspace({
    content: content.length > 0 ? content : [BUILTIN_CONTENT_DIR],
    ...(options.sigma === undefined ? {} : { sigma: options.sigma }),
    ...(options.sigmaMapping === undefined ? {} : { sigmaMapping: options.sigmaMapping }),
    ...(options.props === undefined ? {} : { props: options.props }),
    ...(options.dataModels === undefined ? {} : { dataModels: options.dataModels }),
    ...(options.builtinKnowledge === undefined
      ? {}
      : { builtinKnowledge: options.builtinKnowledge }),
  });
}

export function errorsOf(workspace: Workspace): Diagnostic[] {
  return workspace.diagnostics.filter((d) => d.severity === 'error');
}

/** A problem as the user sees it: the same text in both versions is the same problem. */
function keyOf(d: Diagnostic): string {
  return formatDiagnostics([d]);
}
