// core's package layout from the source tree (the bundle's is driven by the integration tests,
// whose CLI, workers and built-in files all come from dist/).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  BUNDLED,
  bundleFingerprint,
  PACKAGE_ROOT,
  packagePath,
  treePath,
  UI_ASSETS_DIR,
  workerUrl,
} from '../../src/core/index.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');

test('from the source tree: the repository is the root, src/ the tree, no bundle fingerprint', () => {
  assert.equal(BUNDLED, false);
  assert.equal(bundleFingerprint(), undefined);
  assert.equal(PACKAGE_ROOT, REPO);
  assert.equal(packagePath('content'), path.join(REPO, 'content'));
  assert.equal(UI_ASSETS_DIR, path.join(REPO, 'dist', 'ui'));
  assert.ok(statSync(treePath('knowledge/builtin')).isDirectory());
  assert.ok(existsSync(treePath('knowledge/details/event-details.yml')));
});

test('every worker entry the build bundles is the .ts module workerUrl names from source', () => {
  const build = readFileSync(path.join(REPO, 'scripts', 'build-cli.ts'), 'utf8');
  for (const module of [
    'ingest/evtx/parallel/decode-worker',
    'engine/sigma-thread/match-worker',
    'server/detect/stream/sigma-match-worker',
    'server/ingest/hec/hec-parse-worker',
  ]) {
    const file = fileURLToPath(workerUrl(module));
    assert.equal(file, path.join(REPO, 'src', `${module}.ts`));
    assert.ok(existsSync(file), file);
    assert.ok(build.includes(`'${module}'`), `scripts/build-cli.ts bundles ${module}`);
  }
});
