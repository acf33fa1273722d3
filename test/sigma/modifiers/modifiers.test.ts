// Every value modifier: what it makes of a value (pySigma's behaviour) and what it refuses.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDiagnostic } from '../../../src/core/diagnostic.ts';
import type { DetectionItem } from '../../../src/sigma/model/rule.ts';
import { literalText, partsToPlain } from '../../../src/sigma/model/sigma-string.ts';
import type { SigmaValue } from '../../../src/sigma/model/sigma-value.ts';
import { MODIFIERS } from '../../../src/sigma/modifiers/registry.ts';
import {
  allDiagnostics,
  loadText,
  matcherFor,
  processRule,
  sysmonProcess,
} from '../sigma-test-kit.ts';

function ruleWith(key: string, value: string): string {
  return processRule(`    sel:\n        ${key}: ${value}\n    condition: sel`);
}

/** The item of `sel`, after its modifiers. */
function item(key: string, value: string): DetectionItem {
  const set = loadText(ruleWith(key, value));
  const rule = set.rules[0];
  assert.ok(rule, allDiagnostics(set).map(formatDiagnostic).join('\n'));
  const child = rule.detection.identifiers.get('sel')?.definition.children[0];
  assert.ok(child?.kind === 'item');
  return child;
}

/** Plain text of string values; expansions flattened in order. */
function texts(values: readonly SigmaValue[]): string[] {
  return values.flatMap((v) =>
    v.kind === 'expansion'
      ? texts(v.values)
      : v.kind === 'string'
        ? [partsToPlain(v.parts)]
        : [v.kind],
  );
}

/** The code and the line:column the diagnostic's caret points at. */
function refusal(key: string, value: string): { code: string; at: string } {
  const diagnostics = allDiagnostics(loadText(ruleWith(key, value))).filter(
    (d) => d.severity === 'error',
  );
  const d = diagnostics[0];
  assert.ok(d, `expected ${key}: ${value} to be refused`);
  const rendered = formatDiagnostic(d);
  return { code: d.code, at: /--> rule\.yml:(\d+:\d+)/.exec(rendered)?.[1] ?? '' };
}

test('the registry has every modifier of spec v2.1 and pySigma', () => {
  const names = [
    'all',
    'base64',
    'base64offset',
    'cased',
    'cidr',
    'contains',
    'day',
    'dotall',
    'endswith',
    'exists',
    'expand',
    'fieldref',
    'gt',
    'gte',
    'hour',
    'i',
    'ignorecase',
    'lt',
    'lte',
    'm',
    'minute',
    'month',
    'multiline',
    'neq',
    're',
    's',
    'startswith',
    'utf16',
    'utf16be',
    'utf16le',
    'week',
    'wide',
    'windash',
    'year',
  ];
  assert.deepEqual(Object.keys(MODIFIERS).sort(), names.sort());
});

describe('contains / startswith / endswith', () => {
  const cases: readonly [string, string, string][] = [
    ['CommandLine|contains', "'abc'", '*abc*'],
    ['CommandLine|contains', "'*abc'", '*abc*'],
    ['CommandLine|contains', "'a*b'", '*a*b*'],
    ['CommandLine|startswith', "'abc'", 'abc*'],
    ['CommandLine|startswith', "'abc*'", 'abc*'],
    ['CommandLine|endswith', "'\\abc.exe'", '*\\abc.exe'],
  ];
  for (const [key, value, expected] of cases) {
    test(`${key}: ${value} → ${expected}`, () =>
      assert.deepEqual(texts(item(key, value).values), [expected]));
  }
  test('on a regex: .* added unless anchored', () => {
    const values = item('CommandLine|re|contains', "'^abc'").values;
    assert.deepEqual(values, [{ kind: 're', pattern: '^abc.*', flags: new Set() }]);
  });
});

describe('all', () => {
  test('links the values with AND', () =>
    assert.equal(item('CommandLine|contains|all', "['a', 'b']").linking, 'and'));
  test('without it values are ORed', () =>
    assert.equal(item('CommandLine|contains', "['a', 'b']").linking, 'or'));
});

describe('neq', () => {
  test('negates the item', () => assert.equal(item('User|neq', "'SYSTEM'").negated, true));
  const { matches } = matcherFor(ruleWith('User|neq', "['SYSTEM', 'LOCAL SERVICE']"));
  test('a different value matches', () =>
    assert.equal(matches(sysmonProcess({ User: 'alice' })), true));
  test('a listed value does not', () =>
    assert.equal(matches(sysmonProcess({ User: 'system' })), false));
  test('a missing field matches (NOT over the whole item)', () =>
    assert.equal(matches(sysmonProcess({})), true));
});

describe('re and its flags', () => {
  test('the value is used verbatim (no Sigma unescaping)', () =>
    assert.deepEqual(item('CommandLine|re', "'a\\\\b\\*'").values, [
      { kind: 're', pattern: 'a\\\\b\\*', flags: new Set() },
    ]));
  test('i, m, s set flags', () =>
    assert.deepEqual(item('CommandLine|re|i|m|s', "'x'").values, [
      { kind: 're', pattern: 'x', flags: new Set(['i', 'm', 's']) },
    ]));
  test('must come first', () =>
    assert.deepEqual(refusal('CommandLine|contains|re', "'x'"), { code: 'SIGMA022', at: '10:9' }));
  test('flags need a regex', () => assert.equal(refusal('CommandLine|i', "'x'").code, 'SIGMA022'));
  test('an invalid regex is refused when compiling', () => {
    const { compiled } = matcherFor(ruleWith('CommandLine|re', "'(unclosed'"));
    assert.equal(compiled.inactive[0]?.diagnostic.code, 'SIGMA052');
  });
  const sensitive = matcherFor(ruleWith('CommandLine|re', "'Invoke-[A-Z]'"));
  test('case-sensitive by default', () =>
    assert.equal(sensitive.matches(sysmonProcess({ CommandLine: 'invoke-x' })), false));
  test('searches anywhere in the value', () =>
    assert.equal(sensitive.matches(sysmonProcess({ CommandLine: 'x Invoke-X y' })), true));
  const insensitive = matcherFor(ruleWith('CommandLine|re|i', "'Invoke-[A-Z]'"));
  test('|i ignores case', () =>
    assert.equal(insensitive.matches(sysmonProcess({ CommandLine: 'invoke-x' })), true));
  const inline = matcherFor(ruleWith('CommandLine|re', "'(?i)invoke-[a-z]'"));
  test('inline (?i) works', () =>
    assert.equal(inline.matches(sysmonProcess({ CommandLine: 'INVOKE-X' })), true));
});

describe('base64', () => {
  test('encodes the UTF-8 bytes', () =>
    assert.deepEqual(texts(item('CommandLine|base64|contains', "'whoami'").values), [
      '*d2hvYW1p*',
    ]));
  test('refuses wildcards', () =>
    assert.equal(refusal('CommandLine|base64', "'who*'").code, 'SIGMA023'));
});

describe('base64offset', () => {
  test('three offsets, sliced as pySigma does', () =>
    assert.deepEqual(texts(item('CommandLine|base64offset|contains', "'http'").values), [
      '*aHR0c*',
      '*h0dH*',
      '*odHRw*',
    ]));
  test('after wide (UTF-16LE)', () =>
    assert.deepEqual(texts(item('CommandLine|wide|base64offset|contains', "'iex'").values), [
      '*aQBlAHgA*',
      '*kAZQB4A*',
      '*pAGUAeA*',
    ]));
  const { matches } = matcherFor(ruleWith('CommandLine|base64offset|contains', "'http'"));
  test('matches the value at any byte offset', () => {
    for (const prefix of ['', 'a', 'ab']) {
      const encoded = Buffer.from(`${prefix}http://x`).toString('base64');
      assert.equal(
        matches(sysmonProcess({ CommandLine: `powershell -enc ${encoded}` })),
        true,
        prefix,
      );
    }
  });
});

describe('utf16le / wide / utf16be / utf16', () => {
  const utf16 = (key: string) => {
    const v = item(key, "'ab'").values[0];
    assert.ok(v?.kind === 'string');
    return Buffer.from(literalText(v.parts), 'utf8').toString('hex');
  };
  test('utf16le', () => assert.equal(utf16('CommandLine|utf16le'), '61006200'));
  test('wide is utf16le', () => assert.equal(utf16('CommandLine|wide'), '61006200'));
  test('utf16be', () => assert.equal(utf16('CommandLine|utf16be'), '00610062'));
  test('utf16 prefixes a byte order mark (as pySigma: the character U+FEFF)', () =>
    assert.equal(utf16('CommandLine|utf16'), 'efbbbf61006200'));
  test('refuses text whose UTF-16 bytes are not UTF-8', () =>
    assert.equal(refusal('CommandLine|wide', "'é'").code, 'SIGMA023'));
});

describe('windash', () => {
  test('each flag dash becomes - / – — ―, all combinations, first varying slowest', () =>
    assert.deepEqual(texts(item('CommandLine|windash', "'-a -b'").values).length, 25));
  test('dashes inside words are kept', () =>
    assert.deepEqual(texts(item('CommandLine|windash', "'-param-name'").values), [
      '-param-name',
      '/param-name',
      '\u2013param-name',
      '\u2014param-name',
      '\u2015param-name',
    ]));
  test('a slash flag expands too', () =>
    assert.equal(texts(item('CommandLine|windash', "'/c'").values)[0], '-c'));
  const { matches } = matcherFor(ruleWith('CommandLine|windash|contains', "' -s '"));
  test('matches the slash form', () =>
    assert.equal(matches(sysmonProcess({ CommandLine: 'x /s y' })), true));
});

describe('cidr', () => {
  const { matches } = matcherFor(ruleWith('DestinationIp|cidr', "['10.0.0.0/8', 'fe80::/10']"));
  test('IPv4 inside', () =>
    assert.equal(matches(sysmonProcess({ DestinationIp: '10.1.2.3' })), true));
  test('IPv4 outside', () =>
    assert.equal(matches(sysmonProcess({ DestinationIp: '11.0.0.1' })), false));
  test('IPv6 inside', () =>
    assert.equal(matches(sysmonProcess({ DestinationIp: 'fe80::1' })), true));
  test('not an address', () =>
    assert.equal(matches(sysmonProcess({ DestinationIp: 'localhost' })), false));
  test('host bits set are refused (Python ip_network)', () =>
    assert.deepEqual(refusal('DestinationIp|cidr', "'10.0.0.1/8'"), {
      code: 'SIGMA023',
      at: '10:9',
    }));
});

describe('exists', () => {
  const { matches } = matcherFor(
    processRule(`    sel:
        Image|exists: yes
        OriginalFileName|exists: false
    condition: sel`),
  );
  test('present and absent as asked', () =>
    assert.equal(matches(sysmonProcess({ Image: '' })), true));
  test('present where it must be absent', () =>
    assert.equal(matches(sysmonProcess({ Image: 'x', OriginalFileName: 'y' })), false));
  test('needs a boolean', () =>
    assert.equal(refusal('Image|exists', "'yes please'").code, 'SIGMA022'));
  test('needs a field', () => assert.equal(refusal("'|exists'", 'true').code, 'SIGMA022'));
});

describe('fieldref', () => {
  const { matches } = matcherFor(ruleWith('User|fieldref', "'ParentUser'"));
  test('equal fields (case-insensitive)', () =>
    assert.equal(matches(sysmonProcess({ User: 'CORP\\a', ParentUser: 'corp\\A' })), true));
  test('different fields', () =>
    assert.equal(matches(sysmonProcess({ User: 'a', ParentUser: 'b' })), false));
  test('missing referenced field', () =>
    assert.equal(matches(sysmonProcess({ User: 'a' })), false));
  const contains = matcherFor(ruleWith('CommandLine|fieldref|contains', "'Image'"));
  test('fieldref|contains', () =>
    assert.equal(
      contains.matches(sysmonProcess({ CommandLine: '"C:\\x.exe" -a', Image: 'C:\\x.exe' })),
      true,
    ));
  const anchored: readonly [mode: string, command: string, expected: boolean][] = [
    ['startswith', 'C:\\X.EXE -a', true],
    ['startswith', ' C:\\x.exe', false],
    ['endswith', 'run c:\\x.EXE', true],
    ['endswith', 'c:\\x.exe ', false],
    ['endswith', '.exe', false],
  ];
  for (const [mode, command, expected] of anchored) {
    const { matches: holds } = matcherFor(ruleWith(`CommandLine|fieldref|${mode}`, "'Image'"));
    test(`fieldref|${mode}: ${command}`, () =>
      assert.equal(holds(sysmonProcess({ CommandLine: command, Image: 'C:\\x.exe' })), expected));
  }
  test('multivalue fields: any pair of values', () =>
    assert.equal(matches(sysmonProcess({ User: ['a', 'B'], ParentUser: ['c', 'b'] })), true));
  test('refuses wildcards', () =>
    assert.equal(refusal('User|fieldref', "'Parent*'").code, 'SIGMA023'));
});

describe('gt / gte / lt / lte', () => {
  const { matches } = matcherFor(
    processRule(`    sel:
        ProcessId|gt: 1000
        ParentProcessId|lte: 4
    condition: sel`),
  );
  test('decimal text', () =>
    assert.equal(matches(sysmonProcess({ ProcessId: '1001', ParentProcessId: '4' })), true));
  test('hex text (0x) is read as a number', () =>
    assert.equal(matches(sysmonProcess({ ProcessId: '0x3e9', ParentProcessId: 4 })), true));
  test('bound not met', () =>
    assert.equal(matches(sysmonProcess({ ProcessId: '1000', ParentProcessId: '4' })), false));
  test('not a number', () =>
    assert.equal(matches(sysmonProcess({ ProcessId: 'abc', ParentProcessId: '4' })), false));
  test('needs a number', () => assert.equal(refusal('ProcessId|gt', "'many'").code, 'SIGMA022'));
});

describe('time parts (minute hour day week month year)', () => {
  const { matches } = matcherFor(
    processRule(`    sel:
        UtcTime|hour|gte: 22
        UtcTime|year: 2024
        UtcTime|week: 1
    condition: sel`),
  );
  test('parts of the date as written', () =>
    assert.equal(matches(sysmonProcess({ UtcTime: '2024-01-03 23:10:00.000' })), true));
  test('hour too early', () =>
    assert.equal(matches(sysmonProcess({ UtcTime: '2024-01-03 08:10:00.000' })), false));
});

describe('cased', () => {
  const { matches } = matcherFor(ruleWith('CommandLine|cased|contains', "'Invoke-Mimikatz'"));
  test('same case', () =>
    assert.equal(matches(sysmonProcess({ CommandLine: 'x Invoke-Mimikatz' })), true));
  test('other case', () =>
    assert.equal(matches(sysmonProcess({ CommandLine: 'x invoke-mimikatz' })), false));
});

describe('expand', () => {
  const rule = ruleWith('CommandLine|contains|expand', "'%tool%'");
  test('placeholder values are ORed', () => {
    const { matches } = matcherFor(rule, {
      placeholders: new Map([['tool', ['psexec', 'paexec']]]),
    });
    assert.equal(matches(sysmonProcess({ CommandLine: 'x PAEXEC y' })), true);
    assert.equal(matches(sysmonProcess({ CommandLine: 'x wmic y' })), false);
  });
  test('an unresolved placeholder refuses the rule', () => {
    const { compiled } = matcherFor(rule);
    assert.equal(compiled.inactive[0]?.diagnostic.code, 'SIGMA050');
  });
  test('without expand %x% is literal', () =>
    assert.deepEqual(texts(item('CommandLine', "'%tool%'").values), ['%tool%']));
});

test('unknown modifiers are refused at the key', () =>
  assert.deepEqual(refusal('CommandLine|containz', "'x'"), { code: 'SIGMA021', at: '10:9' }));
