// `npm run bench [-- name...]`: runs every section in bench/sections. Figures, never pass/fail.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type BenchSection, REPO_ROOT } from './harness.ts';

const dir = path.join(REPO_ROOT, 'bench', 'sections');
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
console.log(
  `node ${process.version}, ${process.arch}; figures are best-of-N wall times on a shared machine`,
);
for (const file of files) {
  const section = ((await import(path.join(dir, file))) as { default: BenchSection }).default;
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  console.log(`\n=== ${section.name}: ${section.description}`);
  await section.run();
}
