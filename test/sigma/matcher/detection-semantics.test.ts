// Matching semantics of detection values, one table per trap of the Sigma semantics note.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { matcherFor, processRule, SYSMON, sysmonProcess } from '../sigma-test-kit.ts';

interface Case {
  readonly name: string;
  readonly fields: Event;
  readonly expected: boolean;
}

function table(detection: string, cases: readonly Case[], extra = ''): void {
  const { matches } = matcherFor(processRule(detection, extra));
  for (const c of cases) {
    test(c.name, () => assert.equal(matches(sysmonProcess(c.fields)), c.expected));
  }
}

describe('plain values are anchored, case-insensitive globs', () => {
  table(
    `    sel:
        Image: 'C:\\Windows\\System32\\cmd.exe'
    condition: sel`,
    [
      { name: 'exact value', fields: { Image: 'C:\\Windows\\System32\\cmd.exe' }, expected: true },
      { name: 'other case', fields: { Image: 'c:\\windows\\system32\\CMD.EXE' }, expected: true },
      {
        name: 'longer value does not match',
        fields: { Image: 'C:\\Windows\\System32\\cmd.exe.bak' },
        expected: false,
      },
      { name: 'missing field does not match', fields: {}, expected: false },
    ],
  );
});

describe('wildcards: * any run (newlines too), ? exactly one character', () => {
  table(
    `    sel:
        CommandLine: 'a*b?d'
    condition: sel`,
    [
      { name: '* spans characters', fields: { CommandLine: 'aXYZbcd' }, expected: true },
      { name: '* spans newlines', fields: { CommandLine: 'a\nline\nbcd' }, expected: true },
      { name: '* may be empty', fields: { CommandLine: 'abcd' }, expected: true },
      { name: '? needs one character', fields: { CommandLine: 'abd' }, expected: false },
    ],
  );
});

describe('escapes: \\* literal star, \\\\ one backslash, other backslashes kept', () => {
  table(
    `    sel1:
        CommandLine: 'x\\*y'
    sel2:
        Image: '\\\\server\\share\\'
    condition: 1 of sel*`,
    [
      { name: 'escaped star is literal', fields: { CommandLine: 'x*y' }, expected: true },
      { name: 'escaped star is not a wildcard', fields: { CommandLine: 'xzzy' }, expected: false },
      {
        name: 'double backslash is one, trailing one kept',
        fields: { Image: '\\server\\share\\' },
        expected: true,
      },
      {
        name: 'no double backslash in the event',
        fields: { Image: '\\\\server\\share\\' },
        expected: false,
      },
    ],
  );
});

describe('regex metacharacters in plain values are literal', () => {
  table(
    `    sel:
        Image|endswith: '\\a(b)[c].$^+{2}|x.exe'
    condition: sel`,
    [
      {
        name: 'literal metacharacters',
        fields: { Image: 'C:\\a(b)[c].$^+{2}|x.exe' },
        expected: true,
      },
      { name: 'not a regex', fields: { Image: 'C:\\abc.exe' }, expected: false },
    ],
  );
});

describe('null means absent; empty string means present and empty', () => {
  table(
    `    sel_null:
        OriginalFileName: null
        CommandLine|endswith: '.exe tunnel'
    sel_empty:
        ParentCommandLine: ''
        Image: 'x.exe'
    condition: 1 of sel_*`,
    [
      { name: 'absent field is null', fields: { CommandLine: 'code.exe tunnel' }, expected: true },
      {
        name: 'present field is not null',
        fields: { CommandLine: 'code.exe tunnel', OriginalFileName: '-' },
        expected: false,
      },
      {
        name: 'empty string is not null',
        fields: { CommandLine: 'code.exe tunnel', OriginalFileName: '' },
        expected: false,
      },
      {
        name: "'' matches an empty value",
        fields: { ParentCommandLine: '', Image: 'x.exe' },
        expected: true,
      },
      { name: "'' does not match an absent field", fields: { Image: 'x.exe' }, expected: false },
    ],
  );
});

describe('a missing field makes positive tests false and their negation true', () => {
  table(
    `    sel:
        Image|endswith: '\\a.exe'
    filter:
        ParentImage|endswith: '\\b.exe'
    condition: sel and not filter`,
    [
      {
        name: 'missing filter field: not filter is true',
        fields: { Image: 'C:\\a.exe' },
        expected: true,
      },
      {
        name: 'filter matches',
        fields: { Image: 'C:\\a.exe', ParentImage: 'C:\\b.exe' },
        expected: false,
      },
    ],
  );
});

describe('numbers compare as their text; strings with digits stay text', () => {
  table(
    `    sel:
        TerminalSessionId: 1
        LogonId: '0x3e7'
    condition: sel`,
    [
      {
        name: 'text "1" matches 1',
        fields: { TerminalSessionId: '1', LogonId: '0x3E7' },
        expected: true,
      },
      {
        name: 'JSON number 1 matches 1',
        fields: { TerminalSessionId: 1, LogonId: '0x3e7' },
        expected: true,
      },
      {
        name: '"01" is not 1',
        fields: { TerminalSessionId: '01', LogonId: '0x3e7' },
        expected: false,
      },
      {
        name: 'hex text is not parsed',
        fields: { TerminalSessionId: '1', LogonId: '999' },
        expected: false,
      },
    ],
  );
});

describe('booleans match the text true/false in any case', () => {
  table(
    `    sel:
        Initiated: true
    condition: sel`,
    [
      { name: 'true', fields: { Initiated: 'true' }, expected: true },
      { name: 'True', fields: { Initiated: 'True' }, expected: true },
      { name: 'false', fields: { Initiated: 'false' }, expected: false },
    ],
  );
});

describe('multivalue fields match when any value matches; not negates the whole', () => {
  table(
    `    sel:
        Data|contains: 'HostApplication=powershell'
    condition: sel`,
    [
      {
        name: 'second value matches',
        fields: { Data: ['a', 'x HostApplication=PowerShell y'] },
        expected: true,
      },
      { name: 'no value matches', fields: { Data: ['a', 'b'] }, expected: false },
    ],
  );
  table(
    `    filter:
        Data: 'a'
    condition: not filter`,
    [{ name: 'not over any-match', fields: { Data: ['a', 'b'] }, expected: false }],
  );
});

describe('list values are ORed; |all ANDs them', () => {
  table(
    `    sel_any:
        CommandLine|contains:
            - ' -enc '
            - ' -e '
    sel_all:
        ParentCommandLine|contains|all:
            - 'tunnel'
            - '--accept-server-license-terms'
    condition: 1 of sel_*`,
    [
      { name: 'one of the list', fields: { CommandLine: 'ps -e abc' }, expected: true },
      {
        name: 'all present',
        fields: { ParentCommandLine: 'code tunnel --accept-server-license-terms' },
        expected: true,
      },
      { name: 'one of all missing', fields: { ParentCommandLine: 'code tunnel' }, expected: false },
    ],
  );
});

describe('a list of maps is an OR of the maps', () => {
  table(
    `    sel:
        - Image|endswith: '\\curl.exe'
        - OriginalFileName: 'curl.exe'
    condition: sel`,
    [
      { name: 'first map', fields: { Image: 'C:\\curl.exe' }, expected: true },
      { name: 'second map', fields: { OriginalFileName: 'CURL.EXE' }, expected: true },
      { name: 'neither', fields: { Image: 'C:\\wget.exe' }, expected: false },
    ],
  );
});

describe('keywords match inside any field value (implicit contains)', () => {
  table(
    `    keywords:
        - 'event::clear'
        - 'lsadump'
    condition: keywords`,
    [
      {
        name: 'inside a longer value',
        fields: { CommandLine: 'mimikatz "event::clear" exit' },
        expected: true,
      },
      { name: 'in another field', fields: { ParentCommandLine: 'LSADUMP::sam' }, expected: true },
      { name: 'nowhere', fields: { CommandLine: 'dir' }, expected: false },
    ],
  );
  table(
    `    keywords:
        '|all':
            - 'alpha'
            - 'beta'
    condition: keywords`,
    [
      {
        name: '|all needs every keyword, in any fields',
        fields: { CommandLine: 'alpha', Image: 'beta' },
        expected: true,
      },
      { name: '|all with one missing', fields: { CommandLine: 'alpha' }, expected: false },
    ],
  );
});

describe('the logsource mapping adds channel and EventID', () => {
  const { titles } = matcherFor(
    processRule(`    sel:
        CommandLine|contains: 'whoami'
    condition: sel`),
  );
  test('Sysmon 1 matches', () =>
    assert.deepEqual(titles(sysmonProcess({ CommandLine: 'whoami /all' })), ['Test rule']));
  test('another Sysmon EventID does not', () =>
    assert.deepEqual(titles({ EventID: '5', Channel: SYSMON, CommandLine: 'whoami' }), []));
  test('Security 4688 matches process_creation', () =>
    assert.deepEqual(titles({ EventID: '4688', Channel: 'Security', CommandLine: 'whoami' }), [
      'Test rule',
    ]));
  test('Security 4689 does not, though it has CommandLine', () =>
    assert.deepEqual(titles({ EventID: '4689', Channel: 'Security', CommandLine: 'whoami' }), []));
  test('channel names compare case-insensitively', () =>
    assert.deepEqual(
      titles({ EventID: '1', Channel: SYSMON.toUpperCase(), CommandLine: 'whoami' }),
      ['Test rule'],
    ));
});

describe('4688 renames Image and ParentImage', () => {
  const { titles } = matcherFor(
    processRule(`    sel:
        Image|endswith: '\\whoami.exe'
    condition: sel`),
  );
  test('NewProcessName carries Image on 4688', () =>
    assert.deepEqual(
      titles({ EventID: '4688', Channel: 'Security', NewProcessName: 'C:\\Windows\\whoami.exe' }),
      ['Test rule'],
    ));
  test('Image is not read on 4688', () =>
    assert.deepEqual(
      titles({ EventID: '4688', Channel: 'Security', Image: 'C:\\Windows\\whoami.exe' }),
      [],
    ));
});

describe('Sigma field names: System attributes and names without spaces', () => {
  const { matches } = matcherFor(`title: Defender
logsource: {product: windows, service: windefend}
detection:
    sel:
        Provider_Name: 'Microsoft-Windows-Windows Defender'
        SourceName: 'Real-Time Protection'
    condition: sel`);
  test('Provider_Name reads Name, SourceName reads "Source Name"', () =>
    assert.equal(
      matches({
        Channel: 'Microsoft-Windows-Windows Defender/Operational',
        EventID: '1116',
        Name: 'Microsoft-Windows-Windows Defender',
        'Source Name': 'Real-Time Protection',
      }),
      true,
    ));
});

describe('several conditions (a YAML list) are ORed', () => {
  table(
    `    a:
        Image: 'a.exe'
    b:
        Image: 'b.exe'
    condition:
        - a
        - b`,
    [
      { name: 'first', fields: { Image: 'a.exe' }, expected: true },
      { name: 'second', fields: { Image: 'b.exe' }, expected: true },
    ],
  );
});
