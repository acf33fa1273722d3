// What a compiled rule set depends on, hashed: the rule files (names and contents), the logsource
// mapping, the compile options, the rule choice's key, and the code that compiles them.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleFingerprint, packagePath, treePath } from '../../core/index.ts';
import type { SigmaCompileOptions } from '../compile/compile-rules.ts';
import type { SigmaFiles } from '../load/read-sigma-files.ts';
import type { LogsourceMapping } from '../mapping/logsource-mapping.ts';

/** Bumped when the cache's layout changes (the code fingerprint covers the rest). */
export const CACHE_FORMAT = 2;

export interface CacheKey {
  /** Hash of everything the compiled set depends on: a cache is used only when equal. */
  readonly key: string;
  /** Hash of the inputs' identity (paths, options): the cache file's name. */
  readonly name: string;
}

export interface KeyInputs {
  /** The paths as given (files or folders). */
  readonly paths: readonly string[];
  /** The files read (their problems count: a file that became unreadable changes the key). */
  readonly files: SigmaFiles;
  readonly options: SigmaCompileOptions;
  /** The key of the choice of rules that run (null: all of them). */
  readonly choice: string | null;
  /** The compiler's version; a hash of its code by default. */
  readonly version?: string;
}

export function cacheKey(inputs: KeyInputs): CacheKey {
  const { options } = inputs;
  const settings = JSON.stringify({
    format: CACHE_FORMAT,
    choice: inputs.choice,
    unmapped: options.unmappedLogsources ?? 'skip',
    placeholders: [...(options.placeholders ?? new Map())].sort(),
    mapping: options.mapping === undefined ? null : mappingData(options.mapping),
    problems: inputs.files.diagnostics.map((d) => d.message),
  });
  const name = createHash('sha256')
    .update(settings)
    .update(JSON.stringify(inputs.paths.map((p) => path.resolve(p))))
    .digest('hex')
    .slice(0, 32);
  const hash = createHash('sha256')
    .update(inputs.version ?? codeFingerprint())
    .update(settings);
  for (const source of inputs.files.sources) {
    hash.update(`\u0000${source.name.length}:${source.name}${source.text.length}:`);
    hash.update(source.text);
  }
  return { key: hash.digest('hex'), name };
}

/** A mapping as plain data in a fixed order (its Maps as entry lists). */
function mappingData(mapping: LogsourceMapping): unknown {
  return {
    name: mapping.name,
    fieldMappings: [...mapping.fieldMappings],
    entries: mapping.entries.map((e) => ({
      name: e.name,
      match: e.match,
      conditions: [...e.conditions],
      fieldMappings: [...e.fieldMappings],
    })),
  };
}

let fingerprint: string | undefined;

/**
 * A hash of the Sigma layer's and core's own code and of the versions of the libraries it reads
 * and compiles rules with: a compiled set cached by other code is never used, even at the same
 * package version. From the source tree the code's files are hashed as this process runs them,
 * once per process (about 100 small files). The bundle carries the hash its build computed from
 * the sources it bundled, with this same function (scripts/build-cli.ts): in dist/ those files
 * are not there, and the libraries it runs are the bundled copies, whatever node_modules holds.
 */
export function codeFingerprint(): string {
  fingerprint ??= bundleFingerprint() ?? sourceFingerprint();
  return fingerprint;
}

function sourceFingerprint(): string {
  const sigmaDir = treePath('sigma');
  const hash = createHash('sha256');
  for (const dir of [sigmaDir, path.join(sigmaDir, '..', 'core')]) {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.[cm]?[jt]s$/.test(f))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(path.join(dir, file)));
  }
  hash.update(compilerLibraries().join('\n'));
  return hash.digest('hex');
}

/**
 * The libraries reading and compiling rules depend on, as `name@version`: an upgrade reads and
 * compiles rules anew (YAML, RE2, and the regex analysis in core/regex that decides which engine
 * runs a rule's regex). One that is not installed counts as `name@absent`, so a build that drops
 * one still computes a key, a different one.
 */
export function compilerLibraries(): string[] {
  return ['yaml', 're2js', '@eslint-community/regexpp', 'refa', 'regexp-ast-analysis'].map(
    libraryVersion,
  );
}

/** `name@version` from the package.json above the library's entry (not every package exports it). */
export function libraryVersion(name: string): string {
  let entry: string;
  try {
    entry = createRequire(packagePath('package.json')).resolve(name);
  } catch {
    return `${name}@absent`;
  }
  let dir = path.dirname(entry);
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return `${name}@${manifest.version ?? '?'}`;
}
