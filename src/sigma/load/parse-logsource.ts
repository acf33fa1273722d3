// Reads a `logsource` map (category, product, service, definition).
import type { Logsource } from '../model/rule.ts';
import { entryOf, type YamlMap } from '../yaml/yaml-node.ts';
import { expectMap, type Problems, readString } from './problems.ts';

export function parseLogsource(problems: Problems, map: YamlMap): Logsource | undefined {
  const entry = entryOf(map, 'logsource');
  const logsource = expectMap(problems, entry?.value, 'the logsource', map.span);
  if (logsource === undefined) return undefined;
  const out: { -readonly [K in keyof Logsource]: Logsource[K] } = {};
  for (const key of ['category', 'product', 'service', 'definition'] as const) {
    const text = readString(problems, logsource, key);
    if (text !== undefined) out[key] = text;
  }
  return out;
}
