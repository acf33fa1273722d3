// Test helpers: parse a search and compare ASTs without source positions.
import assert from 'node:assert/strict';
import type { Command } from '../../../src/spl/ast/command.ts';
import { stripSpans } from '../../../src/spl/ast/strip-spans.ts';
import { parsePipeline } from '../../../src/spl/parser/parse-pipeline.ts';

/** The commands of a search that must parse without any diagnostic. */
export function parseOk(text: string): readonly Command[] {
  const parsed = parsePipeline(text);
  assert.deepEqual(
    parsed.diagnostics.map((d) => `${d.code} ${d.message}`),
    [],
    `diagnostics for: ${text}`,
  );
  return parsed.pipeline.commands;
}

/** The single command of a search, spans removed. */
export function parseOne(text: string): unknown {
  const commands = parseOk(text);
  assert.equal(commands.length, 1, `one command in: ${text}`);
  return stripSpans(commands[0]);
}

/** The first diagnostic's code and the text under its span. */
export function firstError(text: string): [string, string] {
  const parsed = parsePipeline(text);
  const d = parsed.diagnostics[0];
  assert.ok(d, `expected a diagnostic for: ${text}`);
  return [d.code, d.span ? text.slice(d.span.start, d.span.end) : ''];
}
