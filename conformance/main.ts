// `npm run conformance [-- name...]`: runs every section in conformance/sections against the corpus.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, type ConformanceSection, corpusAvailable, REPO_ROOT } from './harness.ts';

async function loadSections(): Promise<ConformanceSection[]> {
  const dir = path.join(REPO_ROOT, 'conformance', 'sections');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const sections: ConformanceSection[] = [];
  for (const file of files) {
    const module = (await import(path.join(dir, file))) as { default: ConformanceSection };
    sections.push(module.default);
  }
  return sections;
}

async function main(): Promise<number> {
  if (!corpusAvailable()) {
    console.log(
      `conformance skipped: no corpus at ${CORPUS_DIR} (set SPELUNK_CORPUS to point at one)`,
    );
    return 0;
  }
  const wanted = process.argv.slice(2);
  const sections = (await loadSections()).filter(
    (s) => wanted.length === 0 || wanted.includes(s.name),
  );
  const failures: string[] = [];
  for (const section of sections) {
    console.log(`\n=== ${section.name}: ${section.description}`);
    const started = performance.now();
    try {
      const result = await section.run();
      failures.push(...result.hardFailures.map((f) => `${section.name}: ${f}`));
    } catch (error) {
      failures.push(
        `${section.name}: crashed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    }
    console.log(`(${section.name} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (failures.length > 0) {
    console.log(`\n${failures.length} hard failure(s):\n${failures.join('\n')}`);
    return 1;
  }
  console.log(`\nconformance: ${sections.length} section(s) ran, no hard failures`);
  return 0;
}

process.exitCode = await main();
