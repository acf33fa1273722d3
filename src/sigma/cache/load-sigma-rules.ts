// The front door for running Sigma rules: files → (compiled rule-set cache | load → select →
// compile) → a compiled set with every problem, cached for the next run.
import path from 'node:path';
import { type Diagnostic, type SourceText, warning } from '../../core/index.ts';
import {
  type CompiledSigmaSet,
  compileSigmaRules,
  type SigmaCompileOptions,
} from '../compile/compile-rules.ts';
import { SIGMA_CODES } from '../diagnostic-codes.ts';
import {
  type ReadSigmaOptions,
  readSigmaFiles,
  type SigmaFiles,
} from '../load/read-sigma-files.ts';
import { type AskedDocument, chooseSigmaRules, type SigmaRuleChoice } from '../load/rule-choice.ts';
import { loadSigmaRuleSet } from '../load/rule-set.ts';
import { DEFAULT_WINDOWS_MAPPING } from '../mapping/default-windows-mapping.ts';
import type { SigmaRule } from '../model/rule.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import { cacheKey } from './cache-key.ts';
import { defaultCacheDir } from './cache-location.ts';
import { type CompiledData, decodeCompiled, encodeCompiled } from './compiled-codec.ts';
import { readRouteAutomata } from './route-automata.ts';

export interface SigmaRulesOptions extends SigmaCompileOptions, ReadSigmaOptions {
  /** Which rules and correlations run (every one without); its key is part of the cache's. */
  readonly choice?: SigmaRuleChoice;
  /** The cache folder: undefined for the user's cache directory, null for no cache. */
  readonly cacheDir?: string | null;
  /** Stands for the compiler's code in the cache key (tests; default: a hash of the code). */
  readonly version?: string;
  /**
   * The files, read already (instead of reading `paths`): the server's detect worker compiles
   * the very texts its main thread did, whatever the files hold by then.
   */
  readonly files?: SigmaFiles;
}

/** What became of the cache: used, written after a cold compile, off, or not writable. */
export type SigmaCacheUse = 'hit' | 'written' | 'off' | 'unwritable';

export interface LoadedSigmaRules {
  readonly compiled: CompiledSigmaSet;
  /** The files', each document's and the set's problems, then compiling's (cache warnings first). */
  readonly diagnostics: readonly Diagnostic[];
  readonly cache: SigmaCacheUse;
  /** The files read (or given). */
  readonly files: SigmaFiles;
}

/**
 * read the files → their key (contents, mapping, options, the choice's key, code) → the cache if
 * its key matches, it is whole and the choice answers as it did (asked again, in the same order,
 * so it can count what it leaves out), else load, choose and compile, and write the cache. A cache
 * that cannot be read or decoded is ignored with warning SIGMA080; one that cannot be written,
 * SIGMA081.
 */
export function loadSigmaRules(
  paths: readonly string[],
  options: SigmaRulesOptions = {},
): LoadedSigmaRules {
  const files =
    options.files ??
    readSigmaFiles(paths, options.walks === undefined ? {} : { walks: options.walks });
  const dir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  if (dir === null) return { ...compileCold(files, options).result, cache: 'off', files };
  const { key, name } = cacheKey({
    paths,
    files,
    options,
    choice: options.choice?.key ?? null,
    ...(options.version === undefined ? {} : { version: options.version }),
  });
  const file = path.join(dir, 'sigma', `${name}.json`);
  const warnings: Diagnostic[] = [];
  // The route programs' automata under the same key (route-automata.ts).
  const automataFile = path.join(dir, 'sigma', `${name}.automata`);
  const automata = readRouteAutomata(automataFile, key);
  if (automata.kind === 'corrupt')
    warnings.push(
      warning(
        SIGMA_CODES.cacheIgnored,
        `the route-program cache ${automataFile} was ignored: ${automata.reason}; the automata are built again`,
      ),
    );
  const read = readCacheFile(file, key);
  if (read.kind === 'hit') {
    try {
      const decoded = decodeCompiled(
        read.payload as CompiledData,
        files.sources,
        options.mapping ?? DEFAULT_WINDOWS_MAPPING,
      );
      const differs = askAgain(decoded.asked, options.choice);
      if (differs !== undefined)
        throw new Error(`the rule choice now answers otherwise for ${differs}`);
      return {
        compiled: { ...decoded.compiled, automata: automata.library },
        diagnostics: [...warnings, ...decoded.loadDiagnostics, ...decoded.compiled.diagnostics],
        cache: 'hit',
        files,
      };
    } catch (cause) {
      warnings.push(ignored(file, `it does not decode (${(cause as Error).message})`));
    }
  } else if (read.kind === 'corrupt') warnings.push(ignored(file, read.reason));
  const cold = compileCold(files, options);
  let cache: SigmaCacheUse = 'written';
  try {
    writeCacheFile(file, key, encodeCompiled(cold.encode));
  } catch (cause) {
    cache = 'unwritable';
    warnings.push(
      warning(
        SIGMA_CODES.cacheNotWritten,
        `the compiled rules could not be cached in ${file}: ${(cause as Error).message}${(cause as NodeJS.ErrnoException).code === undefined ? '' : '; set SPELUNK_CACHE_DIR to a writable folder'}`,
      ),
    );
  }
  return {
    compiled: { ...cold.result.compiled, automata: automata.library },
    diagnostics: [...warnings, ...cold.result.diagnostics],
    cache,
    files,
  };
}

function ignored(file: string, reason: string): Diagnostic {
  return warning(
    SIGMA_CODES.cacheIgnored,
    `the compiled rule-set cache ${file} was ignored: ${reason}; the rules were compiled again`,
  );
}

/**
 * The choice asked again about what it was asked when the cache was written: the first document
 * it now answers otherwise (its key left something out), or undefined.
 */
function askAgain(
  asked: readonly AskedDocument[],
  choice: SigmaRuleChoice | undefined,
): string | undefined {
  if (choice === undefined) return asked.length === 0 ? undefined : 'every rule';
  for (const { head, kept } of asked) {
    if (choice.keeps(head) !== kept) return `"${head.title}" (${head.file})`;
  }
  return undefined;
}

/** load → choose → compile, and what the cache needs of it. */
function compileCold(files: SigmaFiles, options: SigmaRulesOptions) {
  const ruleSet = loadSigmaRuleSet(files.sources, files.diagnostics);
  const loadDiagnostics = [
    ...ruleSet.documents.flatMap((d) => d.diagnostics),
    ...ruleSet.diagnostics,
  ];
  const { ruleSet: chosen, asked } = chooseSigmaRules(ruleSet, options.choice);
  const compiled = compileSigmaRules(chosen, options);
  const documentIndex = new Map<SigmaRule, number>();
  const perSource = new Map<SourceText, number>();
  for (const d of ruleSet.documents) {
    const index = perSource.get(d.source) ?? 0;
    perSource.set(d.source, index + 1);
    if (d.document?.kind === 'rule') documentIndex.set(d.document, index);
  }
  return {
    result: {
      compiled,
      diagnostics: [...loadDiagnostics, ...compiled.diagnostics],
    },
    encode: { sources: files.sources, compiled, loadDiagnostics, asked, documentIndex },
  };
}
