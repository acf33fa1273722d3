// Meta filters (Sigma filters specification): which rules they apply to and how they combine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherFor, processRule, sysmonProcess } from '../sigma-test-kit.ts';

const RULE = processRule(`    sel:
        CommandLine|contains: 'whoami'
    condition: sel`);

const FILTER = (rules: string, logsource = '{category: process_creation, product: windows}') => `---
title: Admins
logsource: ${logsource}
filter:
    rules: ${rules}
    admin:
        User|startswith: 'adm_'
    condition: not admin
`;

const admin = sysmonProcess({ CommandLine: 'whoami', User: 'adm_bob' });
const user = sysmonProcess({ CommandLine: 'whoami', User: 'alice' });

test('a filter naming the rule by id excludes what it selects (rule and filter condition)', () => {
  const { matches } = matcherFor(`${RULE}\n${FILTER('[11111111-2222-4333-8444-555555555555]')}`);
  assert.equal(matches(admin), false);
  assert.equal(matches(user), true);
});

test('rules: any (and an empty list) apply to every rule of the logsource', () => {
  for (const rules of ['any', '[]']) {
    const { matches } = matcherFor(`${RULE}\n${FILTER(rules)}`);
    assert.equal(matches(admin), false, rules);
  }
});

test('a filter for another logsource or another rule does not apply', () => {
  assert.equal(
    matcherFor(`${RULE}\n${FILTER('any', '{category: image_load, product: windows}')}`).matches(
      admin,
    ),
    true,
  );
  assert.equal(matcherFor(`${RULE}\n${FILTER('[some_other_rule]')}`).matches(admin), true);
});

test('a filter with only a product applies to rules of that product', () => {
  assert.equal(matcherFor(`${RULE}\n${FILTER('any', '{product: windows}')}`).matches(admin), false);
});
