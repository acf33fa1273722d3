// Conformance `sigma-yaml-fast-path`: every Sigma YAML file of the corpus read by the fast YAML
// reader and by the `yaml` package path; the documents (values, spans, warnings) must be identical.
// Then the same for seeded random edits of the rules (texts near the edges of the fast subset).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { readYamlFast } from '../../src/sigma/yaml/fast-yaml.ts';
import { readYamlReference } from '../../src/sigma/yaml/read-yaml.ts';
import { mutations } from '../../test/sigma/yaml/yaml-mutations.ts';
import { type ConformanceSection, corpusPath, filesUnder } from '../harness.ts';

const section: ConformanceSection = {
  name: 'sigma-yaml-fast-path',
  description:
    'every Sigma YAML file of the corpus read by the fast reader and by the yaml package: identical documents',
  async run() {
    const files = [
      ...filesUnder(corpusPath('sigma'), '.yml'),
      ...filesUnder(corpusPath('sigma'), '.yaml'),
    ];
    let identical = 0;
    let fellBack = 0;
    const different: string[] = [];
    let fastMs = 0;
    let referenceMs = 0;
    for (const file of files) {
      const source = { name: file, text: readFileSync(file, 'utf8') };
      let started = performance.now();
      const fast = readYamlFast(source);
      fastMs += performance.now() - started;
      started = performance.now();
      const reference = readYamlReference(source);
      referenceMs += performance.now() - started;
      if (fast === undefined) fellBack++;
      else if (isDeepStrictEqual(fast, reference)) identical++;
      else different.push(file);
    }
    const read = files.length - fellBack;
    console.log(
      `sigma-yaml-fast-path: ${identical}/${read} identical, ${fellBack} fell back to the yaml package (${files.length} files); fast reader ${fastMs.toFixed(0)} ms, yaml package path ${referenceMs.toFixed(0)} ms`,
    );
    for (const file of different.slice(0, 10)) console.log(`  differs: ${file}`);
    const edited = edits(files.slice(0, 1000).map((file) => readFileSync(file, 'utf8')));
    console.log(
      `sigma-yaml-fast-path, edited rules: ${edited.identical}/${edited.read} identical, ${edited.fellBack} fell back (${MUTATIONS} random edits of the first 1,000 files, seed 1)`,
    );
    const failures: string[] = [];
    if (different.length > 0)
      failures.push(`${different.length} file(s) read differently by the fast YAML reader`);
    if (edited.identical !== edited.read)
      failures.push(
        `${edited.read - edited.identical} edited file(s) read differently by the fast YAML reader`,
      );
    return { hardFailures: failures };
  },
};

const MUTATIONS = 3000;

function edits(texts: readonly string[]): { identical: number; read: number; fellBack: number } {
  let identical = 0;
  let read = 0;
  for (const text of mutations(texts, MUTATIONS)) {
    const source = { name: 'edited.yml', text };
    const fast = readYamlFast(source);
    if (fast === undefined) continue;
    read++;
    if (isDeepStrictEqual(fast, readYamlReference(source))) identical++;
  }
  return { identical, read, fellBack: MUTATIONS - read };
}

export default section;
