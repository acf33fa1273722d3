// Where a detection's search sits in its YAML file, so diagnostics on the search can point there.
import { isNode } from 'yaml';
import { span } from '../../core/index.ts';
import type { DetectionOrigin } from '../model/detection.ts';
import { scalarOffsetMap } from '../yaml/scalar-offsets.ts';
import type { YamlSource } from '../yaml/yaml-source.ts';

export function searchOrigin(yaml: YamlSource, contentDir: string): DetectionOrigin {
  const node = yaml.document.get('search', true);
  const map = isNode(node) ? scalarOffsetMap(yaml.parsedText, node) : undefined;
  const range = isNode(node) ? node.range : undefined;
  // The closure keeps the offset map and the repair mapping, not the parsed document.
  const { toOriginal } = yaml;
  return {
    contentDir,
    file: yaml.source,
    searchSpan: range ? span(toOriginal(range[0]), toOriginal(range[1])) : undefined,
    searchToFile: map
      ? (offset) => toOriginal(map[Math.max(0, Math.min(offset, map.length - 1))] ?? 0)
      : undefined,
  };
}
