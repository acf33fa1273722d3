// `npm run bench [-- name...]`: runs every section in bench/sections. Figures, never pass/fail.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './harness.ts';

// Compiled (npm run bench) the sections are .js files beside this one; under tsx, .ts.
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sections');
const extension = path.extname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(extension))
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
