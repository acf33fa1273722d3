// spl-parse: every ESCU detection search parses (after macro expansion) and round-trips the printer.
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type Diagnostic, formatDiagnostic } from '../../src/core/diagnostic.ts';
import { lineColumnAt } from '../../src/core/span.ts';
import { loadSearchLibrary } from '../../src/detection/index.ts';
import { printPipeline } from '../../src/spl/ast/print.ts';
import { stripSpans } from '../../src/spl/ast/strip-spans.ts';
import { type ParsedSpl, parseSpl } from '../../src/spl/parse-spl.ts';
import { parsePipeline } from '../../src/spl/parser/parse-pipeline.ts';
import { addExample, readDetectionSearch, yamlFiles } from '../escu-files.ts';
import { type ConformanceSection, corpusPath } from '../harness.ts';

interface Detection {
  readonly file: string;
  readonly search: string;
}

/** Reads `search:` of each detection; a file that is not readable is a failure with its reason. */
function readDetections(dir: string, failures: Map<string, string[]>): Detection[] {
  const detections: Detection[] = [];
  const repaired: string[] = [];
  for (const file of yamlFiles(dir)) {
    const read = readDetectionSearch(file);
    if (read.repaired) repaired.push(path.relative(dir, file));
    const search = read.search;
    if (search === undefined) {
      addExample(failures, `unreadable YAML or no search: ${read.error ?? 'no search key'}`, file);
      continue;
    }
    detections.push({ file, search });
  }
  if (repaired.length > 0) {
    console.log(
      `${repaired.length} YAML file(s) read as PyYAML (contentctl) reads them, a quoted value continuing in column 0: ${repaired.join(', ')}`,
    );
  }
  return detections;
}

/** A failure reason grouped by code and message shape (quoted names folded). */
function reasonOf(d: Diagnostic): string {
  return `${d.code} ${d.message.replace(/"[^"]*"/g, '"…"').replace(/`[^`]*`/g, '`…`')}`;
}

/** `line:col message ⟦text under the span⟧` with 40 characters of context, on one line. */
function excerpt(d: Diagnostic): string {
  const text = d.source?.text ?? '';
  if (!d.span) return d.message;
  const { line, column } = lineColumnAt(text, d.span.start);
  const before = text.slice(Math.max(0, d.span.start - 40), d.span.start);
  const under = text.slice(d.span.start, Math.min(d.span.end, d.span.start + 60));
  const after = text.slice(d.span.end, d.span.end + 40);
  return `${line}:${column} ${d.message}: …${before}⟦${under}⟧${after}…`.replace(/\s+/g, ' ');
}

function roundTrips(parsed: ParsedSpl): boolean {
  const printed = printPipeline(parsed.pipeline);
  const again = parsePipeline(printed);
  if (again.diagnostics.length > 0) return false;
  return isDeepStrictEqual(stripSpans(again.pipeline), stripSpans(parsed.pipeline));
}

const section: ConformanceSection = {
  name: 'spl-parse',
  description: 'ESCU detection searches parse after macro expansion, and round-trip the printer',
  async run() {
    const library = loadSearchLibrary({ macros: [corpusPath('escu', 'macros')] });
    const macroErrors = library.diagnostics.filter((d) => d.severity === 'error');
    console.log(
      `macros: ${library.macros.size} loaded, ${macroErrors.length} file error(s), ${library.diagnostics.length - macroErrors.length} warning(s)`,
    );
    for (const d of library.diagnostics)
      console.log(`  ${formatDiagnostic(d).split('\n').join('\n  ')}`);
    const hardFailures: string[] = [];
    for (const [label, dir] of [
      ['detections', corpusPath('escu', 'detections')],
      ['newer_excerpts', corpusPath('escu', 'newer_excerpts', 'detections')],
    ] as const) {
      const failures = new Map<string, string[]>();
      const detections = readDetections(dir, failures);
      const total = detections.length + [...failures.values()].reduce((n, l) => n + l.length, 0);
      let parsedCount = 0;
      let roundTripped = 0;
      const roundTripFailures: string[] = [];
      for (const detection of detections) {
        let parsed: ParsedSpl;
        try {
          parsed = parseSpl(detection.search, {
            macros: library.macros,
            sourceName: detection.file,
          });
        } catch (caught) {
          hardFailures.push(`${detection.file}: parser crashed: ${String(caught)}`);
          continue;
        }
        const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          const first = errors[0] as Diagnostic;
          addExample(
            failures,
            reasonOf(first),
            `${path.relative(dir, detection.file)}:${excerpt(first)}`,
          );
          continue;
        }
        parsedCount++;
        if (roundTrips(parsed)) roundTripped++;
        else roundTripFailures.push(path.relative(dir, detection.file));
      }
      console.log(`${label}: parsed ${parsedCount}/${total}`);
      for (const [reason, examples] of [...failures].sort((a, b) => b[1].length - a[1].length)) {
        console.log(`  ${examples.length} × ${reason}`);
        if (reason.startsWith('SPL201')) {
          console.log(
            '      (macros from Splunk ES / Splunk_SA_CIM, not in the corpus: load their macros.conf)',
          );
        }
        for (const example of examples.slice(0, 2))
          console.log(`      ${example.split('\n').join('\n      ')}`);
      }
      console.log(
        `${label}: round-trip print(parse(q)) parses back to the same AST: ${roundTripped}/${parsedCount}`,
      );
      for (const file of roundTripFailures.slice(0, 5))
        console.log(`  round-trip differs: ${file}`);
    }
    return { hardFailures };
  },
};

export default section;
