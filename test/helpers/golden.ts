// Golden files for output tests: the expected text lives in test/golden/, is read with the test,
// and is rewritten (never silently) with SPELUNK_UPDATE_GOLDEN=1, so a change of output shows up as
// a diff to review in the commit.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const GOLDEN_DIR = path.resolve(import.meta.dirname, '..', 'golden');

/** What changes from run to run (elapsed times, temporary paths) replaced by a fixed mark. */
export type Normalize = (text: string) => string;

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The checkout's absolute path, wherever it is cloned. */
export const REPO: Normalize = (text) => text.replaceAll(REPO_ROOT, '<repo>');

/** Elapsed seconds as the reports print them (`in 0.3 s`, `[1 result, 2 events, 0.01 s]`). */
export const ELAPSED: Normalize = (text) => text.replace(/\b\d+\.\d+ s\b/g, '<elapsed> s');

/**
 * Asserts that `actual` (normalized) equals test/golden/`name`. With SPELUNK_UPDATE_GOLDEN=1 the
 * file is written instead and the assertion passes; a missing file fails with that advice.
 */
export function assertGolden(
  name: string,
  actual: string,
  ...normalize: readonly Normalize[]
): void {
  const text = normalize.reduce((t, n) => n(t), actual);
  const file = path.join(GOLDEN_DIR, name);
  if (process.env['SPELUNK_UPDATE_GOLDEN'] === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  assert.ok(
    existsSync(file),
    `golden file test/golden/${name} is missing: run the test with SPELUNK_UPDATE_GOLDEN=1 and review it`,
  );
  assert.equal(text, readFileSync(file, 'utf8'), `output differs from test/golden/${name}`);
}
