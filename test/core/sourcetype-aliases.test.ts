import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandLegacySourcetype, sourcetypeNamesOf } from '../../src/core/sourcetype-aliases.ts';

const SYSMON_SOURCE = 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';

test('a Sysmon event answers to XmlWinEventLog and to the legacy per-channel sourcetype', () => {
  // Seed 000 filters on the legacy name; ESCU's `sysmon` macro ORs it with source=.
  const event = { sourcetype: 'XmlWinEventLog', source: SYSMON_SOURCE };
  assert.deepEqual(sourcetypeNamesOf(event), ['XmlWinEventLog', SYSMON_SOURCE]);
  assert.deepEqual(
    sourcetypeNamesOf({ sourcetype: 'WinEventLog', source: 'WinEventLog:Security' }),
    ['WinEventLog', 'WinEventLog:Security'],
  );
});

test('no alias for other sourcetypes, overridden sources, or a bare prefix', () => {
  assert.deepEqual(sourcetypeNamesOf({ sourcetype: '_json', source: SYSMON_SOURCE }), ['_json']);
  assert.deepEqual(sourcetypeNamesOf({ sourcetype: 'XmlWinEventLog', source: 'replay.log' }), [
    'XmlWinEventLog',
  ]);
  assert.deepEqual(sourcetypeNamesOf({ sourcetype: 'XmlWinEventLog', source: 'XmlWinEventLog:' }), [
    'XmlWinEventLog',
  ]);
  assert.deepEqual(sourcetypeNamesOf({}), []);
});

test('a legacy sourcetype term expands to sourcetype and source', () => {
  assert.deepEqual(expandLegacySourcetype(SYSMON_SOURCE), {
    sourcetype: 'XmlWinEventLog',
    source: SYSMON_SOURCE,
  });
  assert.equal(expandLegacySourcetype('XmlWinEventLog'), undefined);
  assert.equal(expandLegacySourcetype('sysmon'), undefined);
});
