// A command's process loads only that command's modules: `spelunk hunt` never imports the server
// (and DuckDB), about 0.3 s of CPU at every start.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI_COMMANDS, commandsFor } from '../../../src/cli/commands/index.ts';

const SRC = path.resolve(import.meta.dirname, '..', '..', '..', 'src');
const STATIC_IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g;

/** Every src file `entry` loads through static imports. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = path.resolve(path.dirname(file), match[1] as string);
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

test('hunt, timeline, dump, convert, validate and test never load the server', () => {
  for (const command of ['hunt', 'timeline', 'dump', 'convert', 'validate', 'test']) {
    const server = [...staticGraph(path.join(SRC, 'cli', 'commands', `${command}.ts`))].filter(
      (file) => path.relative(SRC, file).startsWith(`server${path.sep}`),
    );
    assert.deepEqual(server, [], `spelunk ${command} imports the server`);
  }
});

test('the command named on the command line is the only one loaded, none for --version; otherwise all are', async () => {
  const [hunt, ...rest] = commandsFor(['node', 'spelunk', 'hunt', '--help']);
  assert.equal(rest.length, 0);
  assert.equal(await hunt?.(), await CLI_COMMANDS['hunt']?.());
  assert.equal(commandsFor(['node', 'spelunk']).length, Object.keys(CLI_COMMANDS).length);
  assert.equal(commandsFor(['node', 'spelunk', 'help']).length, Object.keys(CLI_COMMANDS).length);
  assert.equal(
    commandsFor(['node', 'spelunk', 'toString']).length,
    Object.keys(CLI_COMMANDS).length,
  );
  assert.equal(commandsFor(['node', 'spelunk', '--version']).length, 0);
  assert.equal(commandsFor(['node', 'spelunk', '-V']).length, 0);
  assert.equal(
    commandsFor(['node', 'spelunk', '--version', 'hunt']).length,
    Object.keys(CLI_COMMANDS).length,
  );
});
