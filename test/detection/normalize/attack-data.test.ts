// Attack data locations: a URL's path mirrored under a data directory, or a file in the content.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  locateAttackData,
  mirroredCandidates,
  urlMirrorPath,
} from '../../../src/detection/index.ts';

test('a URL maps to its decoded path, without dot segments that could leave the data directory', () => {
  const table: readonly (readonly [string, string])[] = [
    [
      'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1090/snapattack/snapattack.log',
      'media/splunk/attack_data/master/datasets/attack_techniques/T1090/snapattack/snapattack.log',
    ],
    ['https://example.com/a%20b/c.log?x=1#y', 'a b/c.log'],
    ['https://example.com/a/../../etc/passwd', 'etc/passwd'],
    ['https://example.com/%2e%2e/%2E%2E/x.log', 'x.log'],
    ['https://example.com/a%2Fb/x.log', 'x.log'],
  ];
  for (const [url, expected] of table) assert.equal(urlMirrorPath(new URL(url)), expected, url);
});

test('local data is taken from the content directory; URLs are looked up under each data directory', () => {
  const file = locateAttackData('data/x.log', '/content');
  assert.deepEqual(file, { kind: 'file', path: path.resolve('/content', 'data/x.log') });
  const url = locateAttackData('https://h.example/datasets/x.log', '/content');
  assert.equal(url.kind, 'url');
  assert.deepEqual(mirroredCandidates(url, ['/d1', '/d2']), [
    path.join('/d1', 'datasets', 'x.log'),
    path.join('/d2', 'datasets', 'x.log'),
  ]);
  assert.deepEqual(mirroredCandidates(file, ['/d1']), [path.resolve('/content', 'data/x.log')]);
});
