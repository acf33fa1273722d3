// Conformance `content`: the whole ESCU corpus through the content loader, and the bundled pack.
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../src/core/diagnostic.ts';
import { lineColumnAt } from '../../src/core/span.ts';
import {
  type ContentPack,
  formatContentSummary,
  loadContent,
  readAttackCatalog,
  summarizeContent,
} from '../../src/detection/index.ts';
import { loadDataModels } from '../../src/knowledge/datamodels/load/load-data-models.ts';
import { type ConformanceSection, corpusPath, REPO_ROOT } from '../harness.ts';

const EXAMPLES = 3;

function where(d: Diagnostic): string {
  const file = path.relative(REPO_ROOT, d.source?.name ?? d.location ?? '?');
  if (!d.source || !d.span) return file;
  const { line, column } = lineColumnAt(d.source.text, d.span.start);
  return `${file}:${line}:${column}`;
}

/** Problems grouped by code and the message's first clause, each with a few locations. */
function printProblems(pack: ContentPack): void {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of pack.diagnostics) {
    const message = d.message.replace(/"[^"]*"|`[^`]*`|\([^)]*\)/g, '…').replace(/\d+/g, 'N');
    const key = `${d.severity} ${d.code} ${message.split(': ')[0]}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const [key, list] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(list.length).padStart(5)}  ${key}`);
    for (const d of list.slice(0, EXAMPLES))
      console.log(`           e.g. ${where(d)}: ${d.message}`);
  }
}

/** Breakage, as opposed to corpus content we report: silent drops and unlocated problems. */
function checkAccounting(label: string, pack: ContentPack): string[] {
  const failures: string[] = [];
  for (const d of pack.diagnostics) {
    if (!d.source && !d.location)
      failures.push(`${label}: a diagnostic with no location: ${d.code} ${d.message}`);
    if (
      d.source &&
      d.span &&
      (d.span.start < 0 || d.span.end > d.source.text.length || d.span.end < d.span.start)
    ) {
      failures.push(`${label}: span outside its text at ${where(d)} (${d.code})`);
    }
  }
  const filesWithErrors = new Set(
    pack.diagnostics.filter((d) => d.severity === 'error').map((d) => d.source?.name ?? d.location),
  );
  const failed = Object.values(pack.files).reduce((n, f) => n + f.failed, 0);
  if (failed > filesWithErrors.size) {
    failures.push(
      `${label}: ${failed} file(s) not loaded but only ${filesWithErrors.size} file(s) have an error`,
    );
  }
  return failures;
}

const section: ConformanceSection = {
  name: 'content',
  description: 'ESCU corpus and the bundled content pack through the content loader',
  async run() {
    const hardFailures: string[] = [];
    const attack = readAttackCatalog(corpusPath('attack', 'enterprise-techniques.csv'));
    const catalog = attack.ok ? attack.value : undefined;
    if (!catalog) hardFailures.push('cannot read the corpus ATT&CK techniques CSV');

    // tstats searches compile against the data models, as validate, hunt and test load content.
    const { dataModels } = loadDataModels();
    const started = performance.now();
    const escu = loadContent([corpusPath('escu')], {
      dataModels,
      ...(catalog ? { attack: catalog } : {}),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n--- ../shared/corpus/escu (${seconds} s)`);
    for (const line of formatContentSummary(summarizeContent(escu), false)) console.log(line);
    console.log('problems by kind:');
    printProblems(escu);
    hardFailures.push(...checkAccounting('escu', escu));

    // Excerpts of 2026 detections: key fields only (no description etc.), read with the corpus
    // macros through a content directory of links, so the corpus is not loaded twice.
    const linked = path.join(REPO_ROOT, '.conformance-tmp', 'content-newer-excerpts');
    rmSync(linked, { recursive: true, force: true });
    mkdirSync(linked, { recursive: true });
    symlinkSync(corpusPath('escu', 'macros'), path.join(linked, 'macros'));
    symlinkSync(
      corpusPath('escu', 'newer_excerpts', 'detections'),
      path.join(linked, 'detections'),
    );
    const excerpts = loadContent([linked], { dataModels, ...(catalog ? { attack: catalog } : {}) });
    const newer = excerpts.detections;
    const excerptProblems = excerpts.diagnostics;
    console.log(
      `\n--- escu/newer_excerpts: ${newer.length} of 4 loaded (${excerptProblems.length} problem(s); excerpts omit description, how_to_implement, known_false_positives)`,
    );
    const byMessage = new Map<string, number>();
    for (const d of excerptProblems) {
      const key = `${d.severity} ${d.code} ${d.message}`;
      byMessage.set(key, (byMessage.get(key) ?? 0) + 1);
    }
    for (const [key, n] of byMessage) console.log(`  ${String(n).padStart(5)}  ${key}`);

    const content = loadContent([path.join(REPO_ROOT, 'content')], { dataModels });
    console.log('\n--- content/ (the bundled pack)');
    for (const line of formatContentSummary(summarizeContent(content), true)) console.log(line);
    hardFailures.push(...checkAccounting('content', content));
    for (const d of content.diagnostics.filter((x) => x.severity === 'error')) {
      hardFailures.push(`content/ has an error: ${where(d)} ${d.code} ${d.message}`);
    }
    for (const seed of ['Detect IDE Tunneling', 'Windows Devtunnels Image Loaded']) {
      if (!content.detections.some((d) => d.name === seed && d.enabled)) {
        hardFailures.push(`seed detection "${seed}" is not loaded and enabled`);
      }
    }
    return { hardFailures };
  },
};

export default section;
