// The Search page's text helpers: where the leading search ends, a field value added to it as SPL
// quotes it, the histogram's bucket span; and the CSV export's quoting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resultsCsv } from '../../ui/src/export-results.ts';
import {
  histogramSpan,
  isGenerating,
  leadingSearchEnd,
  searchTerm,
  withTerm,
} from '../../ui/src/search-text.ts';

test('the leading search ends at the first pipe outside quotes, macros and subsearches', () => {
  assert.equal(leadingSearchEnd('index=a | stats count'), 'index=a '.length);
  assert.equal(leadingSearchEnd('CommandLine="a|b" | head'), 'CommandLine="a|b" '.length);
  assert.equal(leadingSearchEnd('x="a\\"|" | head'), 'x="a\\"|" '.length);
  assert.equal(leadingSearchEnd('`m(a|b)` x | head'), '`m(a|b)` x '.length);
  assert.equal(leadingSearchEnd('a [search b | head 1] | head'), 'a [search b | head 1] '.length);
  assert.equal(leadingSearchEnd('index=a'), 'index=a'.length);
  assert.ok(isGenerating('  | makeresults'));
  assert.ok(!isGenerating('index=a | stats count'));
});

test('a field value is added to the leading search, quoted and escaped', () => {
  assert.equal(searchTerm('host', 'WS-1'), 'host="WS-1"');
  assert.equal(searchTerm('CommandLine', 'a "b" \\c'), 'CommandLine="a \\"b\\" \\\\c"');
  assert.equal(searchTerm('odd name', 'x'), '"odd name"="x"');
  assert.equal(withTerm('index=a | table host', 'host="h"'), 'index=a host="h" | table host');
  assert.equal(withTerm('index=a', 'host="h"'), 'index=a host="h"');
  assert.equal(withTerm('', 'host="h"'), 'host="h"');
});

test('the histogram span gives at most about 120 buckets', () => {
  assert.deepEqual(histogramSpan(3600), { seconds: 60, text: '1m' });
  assert.deepEqual(histogramSpan(7 * 86_400), { seconds: 3 * 3600, text: '3h' });
  assert.deepEqual(histogramSpan(50), { seconds: 1, text: '1s' });
});

test('CSV export quotes what needs it and keeps multivalues in one cell', () => {
  assert.equal(
    resultsCsv(['a', 'b'], [{ a: 'x,y', b: ['1', '2'] }, { a: 'say "hi"' }]),
    'a,b\r\n"x,y","1\n2"\r\n"say ""hi""",\r\n',
  );
});
