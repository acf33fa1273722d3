// Guards the layering: imports under src/ point down only, and into another layer only through
// its front door, the layer's index.ts (docs/architecture.md).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/** Which top-level folders each folder may import from (besides itself). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  spl: ['core'],
  sigma: ['core'],
  ingest: ['core'],
  detection: ['spl', 'core'],
  knowledge: ['spl', 'ingest', 'core'],
  engine: ['spl', 'sigma', 'ingest', 'detection', 'knowledge', 'core'],
  cli: ['server', 'engine', 'spl', 'sigma', 'ingest', 'detection', 'knowledge', 'core'],
  server: ['engine', 'spl', 'sigma', 'ingest', 'detection', 'knowledge', 'core'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function layerOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0] ?? '';
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

test('every src folder is a known layer', () => {
  for (const file of sourceFiles(SRC)) {
    if (path.dirname(file) === SRC) continue;
    assert.ok(layerOf(file) in ALLOWED, `${path.relative(SRC, file)} is outside the known layers`);
  }
});

/** One import of a layered source file into src/. */
interface SrcImport {
  readonly file: string;
  readonly specifier: string;
  readonly target: string;
  readonly from: string;
  readonly to: string;
}

function* srcImports(): Generator<SrcImport> {
  for (const file of sourceFiles(SRC)) {
    if (path.dirname(file) === SRC) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? '';
      const target = path.resolve(path.dirname(file), specifier);
      if (!target.startsWith(SRC + path.sep)) continue;
      yield { file, specifier, target, from: layerOf(file), to: layerOf(target) };
    }
  }
}

test('imports point down the layers only', () => {
  const violations: string[] = [];
  for (const { file, specifier, from, to } of srcImports()) {
    if (to !== from && !(ALLOWED[from] ?? []).includes(to)) {
      violations.push(`${path.relative(SRC, file)} imports ${specifier} (${from} -> ${to})`);
    }
  }
  assert.deepEqual(violations, []);
});

test("imports across layers go through the layer's index.ts, never around it", () => {
  const violations: string[] = [];
  for (const { file, specifier, target, from, to } of srcImports()) {
    const frontDoor = path.join(SRC, to, 'index.ts');
    if (to !== from && target !== frontDoor) {
      violations.push(`${path.relative(SRC, file)} imports ${specifier}: use ${to}/index.ts`);
    }
    // A layer reaching its own front door would load the whole layer from inside it (a cycle).
    if (to === from && target === frontDoor) {
      violations.push(`${path.relative(SRC, file)} imports its own layer's index.ts`);
    }
  }
  assert.deepEqual(violations, []);
});

test('every layer has a front door', () => {
  for (const layer of Object.keys(ALLOWED)) {
    if (layer === 'cli' || layer === 'server') continue;
    assert.ok(
      readdirSync(path.join(SRC, layer)).includes('index.ts'),
      `src/${layer}/index.ts is missing`,
    );
  }
});
