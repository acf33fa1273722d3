// Which stanza's setting an event gets (props.conf.spec, "[<spec>] stanza precedence") and the run order of phases.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { applyKnowledge, cleanKnowledge } from '../helpers.ts';

const event: Event = {
  sourcetype: 'XmlWinEventLog',
  source: 'XmlWinEventLog:Security',
  host: 'WS1',
};
const fieldAfter = (props: string, field = 'x', input: Event = event) =>
  applyKnowledge(cleanKnowledge({ props }), [input])[0]?.[field];

describe('stanza precedence', () => {
  test('source:: beats host:: beats sourcetype, whatever their priority', () => {
    const props = [
      '[XmlWinEventLog]\nEVAL-x = "sourcetype"\npriority = 1000',
      '[host::ws1]\nEVAL-x = "host"',
      '[source::XmlWinEventLog:Security]\nEVAL-x = "source"',
    ];
    assert.equal(fieldAfter(props.join('\n')), 'source');
    assert.equal(fieldAfter([props[0], props[1]].join('\n')), 'host');
    assert.equal(fieldAfter(props[0] ?? ''), 'sourcetype');
  });

  test('settings of different classes from every matching stanza all apply', () => {
    const out = applyKnowledge(
      cleanKnowledge({
        props:
          '[XmlWinEventLog]\nEVAL-a = 1\n[source::...Security]\nEVAL-b = 2\n[default]\nEVAL-c = 3\n',
      }),
      [event],
    )[0];
    assert.deepEqual([out?.['a'], out?.['b'], out?.['c']], [1, 2, 3]);
  });

  test('within a kind: a literal name (priority 100) beats a pattern (0), unless priority says otherwise', () => {
    const literal = '[source::XmlWinEventLog:Security]\nEVAL-x = "literal"';
    const pattern = '[source::...Security]\nEVAL-x = "pattern"';
    assert.equal(fieldAfter(`${pattern}\n${literal}`), 'literal');
    assert.equal(fieldAfter(`${literal}\n${pattern}\npriority = 101`), 'pattern');
  });

  // props.conf.spec, "[<spec>] stanza pattern collisions": [source::...a...] beats [source::...z...].
  test('colliding patterns of equal priority: the first in ASCII order wins', () => {
    const props = '[source::...z...]\nEVAL-x = "z"\n[source::...a...]\nEVAL-x = "a"\n';
    assert.equal(fieldAfter(props, 'x', { ...event, source: 'az' }), 'a');
  });

  test('a stanza for the legacy per-channel sourcetype applies, below the event own sourcetype', () => {
    const legacy = '[XmlWinEventLog:Security]\nEVAL-x = "legacy"\nEVAL-y = "legacy"';
    const own = '[XmlWinEventLog]\nEVAL-x = "own"';
    const out = applyKnowledge(cleanKnowledge({ props: `${legacy}\n${own}` }), [event])[0];
    assert.deepEqual([out?.['x'], out?.['y']], ['own', 'legacy']);
  });

  test('the same stanza in a later file replaces settings one by one', () => {
    const base = cleanKnowledge({
      props: '[XmlWinEventLog]\nEVAL-x = "first"\nEVAL-y = "kept"\n',
      yaml: 'props:\n  XmlWinEventLog:\n    EVAL-x: \'"second"\'\n',
    });
    const out = applyKnowledge(base, [event])[0];
    assert.deepEqual([out?.['x'], out?.['y']], ['second', 'kept']);
  });

  test('an event no stanza matches is left as it is', () => {
    const out = applyKnowledge(cleanKnowledge({ props: '[other]\nEVAL-x = 1\n' }), [event])[0];
    assert.deepEqual(out, event);
  });
});

// Knowledge Manager manual, "The sequence of search-time operations": each operation sees what
// earlier ones produced, never what later ones produce.
describe('search-time operations sequence', () => {
  const props = [
    '[XmlWinEventLog]',
    'EXTRACT-e = v=(?<extracted>\\w+)',
    'REPORT-r = upper_of_extracted',
    'FIELDALIAS-a = reported AS aliased, calculated AS alias_of_calculated',
    'EVAL-calculated = aliased."+"',
    'EVAL-sees_lookup = looked_up',
  ].join('\n');
  const transforms = '[upper_of_extracted]\nSOURCE_KEY = extracted\nREGEX = (?<reported>.+)\n';

  test('EXTRACT → REPORT → FIELDALIAS → EVAL, each reading the previous', () => {
    const base = cleanKnowledge({ props, transforms });
    const out = applyKnowledge(base, [{ ...event, _raw: 'v=abc' }])[0];
    assert.deepEqual(
      [out?.['extracted'], out?.['reported'], out?.['aliased'], out?.['calculated']],
      ['abc', 'abc', 'abc', 'abc+'],
    );
    assert.equal(
      out?.['alias_of_calculated'],
      undefined,
      'an alias cannot read a calculated field',
    );
  });
});
