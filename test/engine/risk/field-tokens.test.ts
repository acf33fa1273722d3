// $field$ token substitution in risk messages and drilldowns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillTokens, tokenFields } from '../../../src/engine/risk/field-tokens.ts';

const ROW = {
  dest: 'ws-01',
  user: 'CORP\\dana',
  count: 3,
  ip: ['10.0.0.1', '10.0.0.2'],
  empty: '',
};

const CASES: readonly (readonly [string, string])[] = [
  ['Tunnel on $dest$ by $user$', 'Tunnel on ws-01 by CORP\\dana'],
  ['$count$ times', '3 times'],
  ['to $ip$', 'to 10.0.0.1, 10.0.0.2'],
  ['missing [$nope$]', 'missing []'],
  ['empty [$empty$]', 'empty []'],
  ['price $$5 and $dest$', 'price $$5 and ws-01'],
  ['no $ token with spaces $', 'no $ token with spaces $'],
  ['$dest$$user$', 'ws-01CORP\\dana'],
];

for (const [template, expected] of CASES) {
  test(`fillTokens: ${template}`, () => {
    assert.equal(fillTokens(template, ROW), expected);
  });
}

test('tokens a row lacks come from the lookup (info_min_time); the row wins when it has them', () => {
  const lookup = (name: string) => (name === 'info_min_time' ? '1700000000' : undefined);
  assert.equal(
    fillTokens('earliest=$info_min_time$ $dest$', ROW, lookup),
    'earliest=1700000000 ws-01',
  );
  assert.equal(
    fillTokens('$dest$', ROW, () => 'other'),
    'ws-01',
  );
});

test('tokenFields lists each field once, in order', () => {
  assert.deepEqual(tokenFields('$b$ $a$ $b$ $$ $c d$'), ['b', 'a']);
});

test('tokens named like Object.prototype members read the row field, or nothing', () => {
  const row = JSON.parse('{"__proto__":"p","constructor":["c1","c2"]}') as Record<string, string>;
  assert.equal(
    fillTokens('[$__proto__$] [$constructor$] [$toString$] [$valueOf$]', row),
    '[p] [c1, c2] [] []',
  );
  assert.equal(fillTokens('[$toString$] [$hasOwnProperty$]', {}), '[] []');
  assert.equal(
    fillTokens('$constructor$', {}, (name) => `looked-up ${name}`),
    'looked-up constructor',
  );
});
