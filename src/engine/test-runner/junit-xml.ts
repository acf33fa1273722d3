// JUnit XML of a test run: one <testsuite> per detection, one <testcase> per test (the schema CI servers read).
import type { TestResult, TestRunReport } from './test-report.ts';

/**
 * Written by hand: the document is six element kinds, and the one subtle part - text from
 * attacker-controlled data that XML 1.0 cannot hold - is `xmlText`, tested on its own.
 */
export function junitXml(report: TestRunReport): string {
  const suites = new Map<string, TestResult[]>();
  for (const result of report.results) {
    suites.set(result.detection, [...(suites.get(result.detection) ?? []), result]);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="spelunk test" tests="${report.results.length}" failures="${count(report.results, 'failure')}" errors="${count(report.results, 'error')}" skipped="${report.skipped}" time="${report.seconds.toFixed(3)}">`,
  ];
  for (const [detection, results] of suites) {
    const time = results.reduce((sum, r) => sum + r.seconds, 0);
    lines.push(
      `  <testsuite name="${attr(detection)}" tests="${results.length}" failures="${count(results, 'failure')}" errors="${count(results, 'error')}" skipped="${results.filter((r) => r.status === 'skipped').length}" time="${time.toFixed(3)}" file="${attr(results[0]?.file ?? '')}">`,
    );
    for (const r of results) {
      lines.push(
        `    <testcase classname="${attr(detection)}" name="${attr(r.test)}" time="${r.seconds.toFixed(3)}">`,
      );
      if (r.status === 'skipped') lines.push(`      <skipped message="${attr(r.message)}"/>`);
      else if (r.status === 'failed') {
        const element = r.error ? 'error' : 'failure';
        lines.push(
          `      <${element} message="${attr(r.message)}" type="${r.error ? 'TestError' : 'TestFailure'}">${xmlText(details(r))}</${element}>`,
        );
      }
      lines.push(`      <system-out>${xmlText(details(r))}</system-out>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function details(r: TestResult): string {
  return [
    `${r.kind} test: ${r.message}`,
    `results: ${r.results}, events replayed: ${r.events}`,
    ...r.data.map((d) => `data: ${d}`),
  ].join('\n');
}

function count(results: readonly TestResult[], kind: 'failure' | 'error'): number {
  return results.filter((r) => r.status === 'failed' && r.error === (kind === 'error')).length;
}

/**
 * Escapes `&`, `<`, `>`, and drops what XML 1.0 cannot contain (control characters other than
 * tab, newline and carriage return; lone surrogates; U+FFFE/U+FFFF), writing it as `\uXXXX`.
 */
export function xmlText(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold them; finding them is the point
    /[&<>]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => {
      if (c === '&') return '&amp;';
      if (c === '<') return '&lt;';
      if (c === '>') return '&gt;';
      return `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
    },
  );
}

/** Attribute values: also quotes, and line breaks as character references so they survive. */
function attr(text: string): string {
  return xmlText(text)
    .replaceAll('"', '&quot;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}
