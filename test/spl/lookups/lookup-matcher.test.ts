import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LookupDefinition } from '../../../src/spl/lookups/lookup-definition.ts';
import { fileLookupDefinition } from '../../../src/spl/lookups/lookup-definition.ts';
import { buildLookupMatcher } from '../../../src/spl/lookups/lookup-matcher.ts';
import type { LookupTable } from '../../../src/spl/lookups/lookup-table.ts';

const TABLE: LookupTable = {
  name: 'tools.csv',
  columns: ['tool', 'path', 'net', 'label'],
  rows: [
    ['code.exe', 'C:\\Program Files\\*\\code.exe', '10.0.0.0/8', 'vscode'],
    ['*tunnel*', undefined, '192.168.1.0/24', 'tunnel'],
    ['Code.exe', 'C:\\Other\\code.exe', 'fe80::/10', 'upper'],
    ['ngrok.exe', '*\\ngrok.exe', '8.8.8.8', 'ngrok'],
    ['code.exe', 'D:\\*', 'not-a-net', 'second'],
  ],
};

function definition(patch: Partial<LookupDefinition>): LookupDefinition {
  return { ...fileLookupDefinition('tools.csv'), ...patch };
}

describe('buildLookupMatcher', () => {
  const cases: readonly {
    name: string;
    def: Partial<LookupDefinition>;
    inputs: string[];
    keys: string[];
    rows: number[];
  }[] = [
    {
      name: 'exact, case-sensitive by default',
      def: {},
      inputs: ['tool'],
      keys: ['code.exe'],
      rows: [0, 4],
    },
    { name: 'exact does not fold case', def: {}, inputs: ['tool'], keys: ['CODE.EXE'], rows: [] },
    {
      name: 'case_sensitive_match=false folds both sides',
      def: { caseSensitive: false },
      inputs: ['tool'],
      keys: ['CODE.EXE'],
      rows: [0, 2, 4],
    },
    {
      name: 'a * in an exact column is a literal character',
      def: {},
      inputs: ['tool'],
      keys: ['mytunnel.exe'],
      rows: [],
    },
    {
      name: 'WILDCARD column: * matches any run; literal cells still match exactly',
      def: { matchTypes: new Map([['tool', 'wildcard']]) },
      inputs: ['tool'],
      keys: ['devtunnel.exe'],
      rows: [1],
    },
    {
      name: 'WILDCARD rows and literal rows come back in file order',
      def: { matchTypes: new Map([['tool', 'wildcard']]), caseSensitive: false },
      inputs: ['tool'],
      keys: ['Code.exe'],
      rows: [0, 2, 4],
    },
    {
      name: 'max_matches keeps the first rows in file order',
      def: { matchTypes: new Map([['tool', 'wildcard']]), caseSensitive: false, maxMatches: 2 },
      inputs: ['tool'],
      keys: ['code.exe'],
      rows: [0, 2],
    },
    {
      name: 'two input columns must both match; a null cell never matches',
      def: { matchTypes: new Map([['path', 'wildcard']]) },
      inputs: ['tool', 'path'],
      keys: ['code.exe', 'D:\\tools\\code.exe'],
      rows: [4],
    },
    {
      name: 'CIDR column: address inside the subnet',
      def: { matchTypes: new Map([['net', 'cidr']]) },
      inputs: ['net'],
      keys: ['10.20.30.40'],
      rows: [0],
    },
    {
      name: 'CIDR: a bare address is a /32; IPv6 subnets work',
      def: { matchTypes: new Map([['net', 'cidr']]) },
      inputs: ['net'],
      keys: ['fe80::1'],
      rows: [2],
    },
    {
      name: 'CIDR: a value that is not an address matches nothing',
      def: { matchTypes: new Map([['net', 'cidr']]) },
      inputs: ['net'],
      keys: ['not-a-net'],
      rows: [],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const matcher = buildLookupMatcher(TABLE, definition(c.def), c.inputs);
      assert.deepEqual(matcher.match(c.keys), c.rows);
    });
  }
});
