// The two seed detections parse verbatim (they ship in spelunk's content pack).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadSearchLibrary } from '../../../src/detection/index.ts';
import { parseSpl } from '../../../src/spl/parse-spl.ts';

const fixtures = new URL('../../fixtures/spl/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

test('seed 000 (IDE tunneling, raw Sysmon search) parses verbatim', () => {
  const parsed = parseSpl(read('seeds/000-ide-tunneling.spl'));
  assert.deepEqual(parsed.diagnostics, []);
  assert.deepEqual(
    parsed.pipeline.commands.map((c) => c.kind),
    ['Search', 'Eval', 'Eval', 'Eval', 'Eval', 'Eval', 'Eval', 'Where', 'Table', 'Sort'],
  );
});

test('seed 004 (Devtunnels image loaded, ESCU macros) parses verbatim', () => {
  const macros = loadSearchLibrary({ macros: [new URL('macros/macros.conf', fixtures).pathname] });
  const parsed = parseSpl(read('seeds/004-devtunnels-image-loaded.spl'), {
    macros: macros.macros,
  });
  assert.deepEqual(parsed.diagnostics, []);
  assert.deepEqual(
    parsed.pipeline.commands.map((c) => c.kind),
    ['Search', 'Fillnull', 'Stats', 'Rename', 'Convert', 'Convert', 'Search'],
  );
});
