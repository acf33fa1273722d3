// The server config: defaults that work on a fresh machine; every problem located by file:line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDiagnostics } from '../../../src/core/diagnostic.ts';
import { defaultConfig, parseServerConfig } from '../../../src/server/config/load-config.ts';

test('no config: loopback, the usual ports, the limits', () => {
  const config = defaultConfig();
  assert.equal(config.listen.host, '127.0.0.1');
  assert.equal(config.listen.hecPort, 8088);
  assert.equal(config.listen.restPort, 8089);
  assert.equal(config.limits.maxConcurrentSearches, 4);
});

test('durations and sizes; errors with their line and a caret', () => {
  const ok = parseServerConfig(
    'spelunk.yml',
    'indexes:\n  - name: fw\n    maxAge: 30d\n    maxSize: 1GB\n',
  );
  assert.deepEqual(ok.config?.indexes, [{ name: 'fw', maxAge: 2_592_000, maxSize: 1_073_741_824 }]);
  const bad = parseServerConfig(
    'spelunk.yml',
    'listen:\n  hecPort: 99999\nindexes:\n  - name: ../etc\nhec:\n  tokens:\n    - name: t\n      token: short\n      colour: red\n',
  );
  assert.equal(bad.config, undefined);
  const text = formatDiagnostics(bad.diagnostics);
  assert.match(text, /error\[SRV112\]: `listen.hecPort`[^\n]*\n --> spelunk.yml:2:12/);
  assert.match(text, /`indexes\[0\].name`[^\n]*\n --> spelunk.yml:4:11/);
  assert.match(text, /`hec.tokens\[0\].token`/);
  assert.match(text, /warning\[SRV111\]: unknown field `hec.tokens\[0\].colour`/);
  const syntax = parseServerConfig('s.yml', 'listen: [\n');
  assert.equal(syntax.diagnostics[0]?.code, 'SRV101');
});
