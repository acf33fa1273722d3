// The JUnit XML of a test run: counts, one suite per detection, and text XML 1.0 can hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { junitXml, xmlText } from '../../../src/engine/test-runner/junit-xml.ts';
import {
  summarizeTests,
  summaryLine,
  type TestResult,
} from '../../../src/engine/test-runner/test-report.ts';

function result(
  detection: string,
  name: string,
  status: TestResult['status'],
  error = false,
  message = 'm',
): TestResult {
  return {
    detection,
    detectionId: 'id',
    file: `${detection}.yml`,
    test: name,
    kind: 'unit',
    status,
    error,
    message,
    results: status === 'passed' ? 1 : 0,
    events: 3,
    seconds: 0.25,
    data: ['/data/x.log'],
  };
}

const report = summarizeTests(
  [
    result('Det A', 'ok', 'passed'),
    result('Det A', 'no results', 'failed', false, 'the search returned no results'),
    result('Det B', 'missing', 'skipped', false, 'attack data not found: looked for /d/x.log'),
    result('Det B', 'broken', 'failed', true, 'the search does not compile: <bad> & "worse"'),
  ],
  1.5,
);

test('summary line and counts', () => {
  assert.equal(summaryLine(report), '1 passed, 2 failed, 1 skipped');
});

test('JUnit XML: totals, a suite per detection, failure, error and skipped elements', () => {
  const xml = junitXml(report);
  assert.match(
    xml,
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="spelunk test" tests="4" failures="1" errors="1" skipped="1" time="1.500">/,
  );
  assert.match(
    xml,
    /<testsuite name="Det A" tests="2" failures="1" errors="0" skipped="0" time="0.500" file="Det A.yml">/,
  );
  assert.match(xml, /<testsuite name="Det B" tests="2" failures="0" errors="1" skipped="1"/);
  assert.match(xml, /<failure message="the search returned no results" type="TestFailure">/);
  assert.match(xml, /<skipped message="attack data not found: looked for \/d\/x.log"\/>/);
  assert.match(
    xml,
    /<error message="the search does not compile: &lt;bad&gt; &amp; &quot;worse&quot;" type="TestError">/,
  );
  assert.equal(xml.match(/<testcase /g)?.length, 4);
  assert.equal(xml.match(/<\/testcase>/g)?.length, 4);
  assert.ok(xml.endsWith('</testsuites>\n'));
});

const TEXT_CASES: readonly (readonly [string, string])[] = [
  ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
  ['tab\tnewline\ncr\r', 'tab\tnewline\ncr\r'],
  ['nul\u0000bell\u0007esc\u001b', 'nul\\u0000bell\\u0007esc\\u001b'],
  ['lone \ud800 surrogate', 'lone \\ud800 surrogate'],
  ['pair \ud83d\ude00 ok', 'pair \ud83d\ude00 ok'],
  ['\ufffe', '\\ufffe'],
];

for (const [input, expected] of TEXT_CASES) {
  test(`xmlText: ${JSON.stringify(input)}`, () => {
    assert.equal(xmlText(input), expected);
  });
}
