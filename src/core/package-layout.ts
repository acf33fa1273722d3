// Where spelunk's own files are, in both layouts it runs from: the source tree (src/*.ts under
// tsx, or tsc's src/*.js in the bench's build) and the esbuild bundle `npm run build` writes into
// dist/ (scripts/build-cli.ts). Every module that reads a file of the package or starts a worker
// asks here, because in the bundle `import.meta.url` is a chunk's, not the module's own.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Set by the bundle's build (esbuild `define`); undeclared when running from the source tree. */
declare const SPELUNK_BUNDLE: { readonly fingerprint: string } | undefined;

const HERE = fileURLToPath(import.meta.url);
/** True in the bundle (dist/), false from the source tree. */
export const BUNDLED = typeof SPELUNK_BUNDLE !== 'undefined';
/**
 * The package's root: the nearest folder above this code with a package.json (src/core/ is two
 * levels below it; in the bundle, this code is in an entry or a chunk somewhere under dist/).
 */
export const PACKAGE_ROOT = packageRootAbove(path.dirname(HERE));
/** src/ in the source tree, dist/ in the bundle: where `treePath(...)` and workers are. */
const TREE = BUNDLED ? path.join(PACKAGE_ROOT, 'dist') : path.resolve(path.dirname(HERE), '..');
/** The modules' extension: .ts under tsx, .js compiled or bundled. */
const EXTENSION = path.extname(HERE) === '.ts' ? '.ts' : '.js';

function packageRootAbove(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) throw new Error(`spelunk's package.json is not above ${dir}`);
  }
}

/** A file or folder at the package's root, the same in both layouts (`content`, `dist/ui`). */
export function packagePath(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}

/**
 * A data file kept beside the source (`knowledge/builtin`): src/<relative> from the source tree;
 * the build copies it into dist/<relative> for the bundle.
 */
export function treePath(relative: string): string {
  return path.join(TREE, relative);
}

/**
 * A worker thread's entry module, named by its path under src/ without extension
 * (`ingest/evtx/parallel/decode-worker`): the .ts from source, the bundle's entry of that name.
 */
export function workerUrl(module: string): URL {
  return pathToFileURL(path.join(TREE, module + EXTENSION));
}

/**
 * The bundle's code fingerprint, computed by its build from the sources it bundled (undefined
 * from the source tree, where the code's own files are hashed instead).
 */
export function bundleFingerprint(): string | undefined {
  return BUNDLED ? (SPELUNK_BUNDLE as { readonly fingerprint: string }).fingerprint : undefined;
}

/** The web UI's built files (dist/ui/ at the package root, in both layouts). */
export const UI_ASSETS_DIR = packagePath('dist', 'ui');
