// Reads a meta filter document (Sigma filters specification v2.x).
import type { DocumentOrigin, SigmaFilter } from '../model/rule.ts';
import { entryOf, type YamlMap } from '../yaml/yaml-node.ts';
import { parseDetection } from './parse-detection.ts';
import { parseLogsource } from './parse-logsource.ts';
import { readCommonMetadata } from './parse-metadata.ts';
import {
  expectMap,
  hasErrorsIn,
  isNullScalar,
  type Problems,
  report,
  scalarText,
} from './problems.ts';

const FILTER_KEYS = new Set(['rules']);

export function parseFilter(
  problems: Problems,
  map: YamlMap,
  origin: DocumentOrigin,
): SigmaFilter | undefined {
  const metadata = readCommonMetadata(problems, map);
  const logsource = parseLogsource(problems, map);
  const filterMap = expectMap(
    problems,
    entryOf(map, 'filter')?.value,
    'the filter section',
    map.span,
    'badFilter',
  );
  if (filterMap === undefined || logsource === undefined) return undefined;
  const rules = readFilterRules(problems, filterMap);
  const condition = entryOf(filterMap, 'condition');
  if (condition && condition.value.kind !== 'scalar') {
    report(
      problems,
      'badFilter',
      'a filter has exactly one condition string',
      condition.value.span,
    );
  }
  const detection = parseDetection(problems, filterMap, FILTER_KEYS);
  if (detection === undefined || rules === undefined || hasErrorsIn(problems)) return undefined;
  return {
    kind: 'filter',
    ...(metadata.id === undefined ? {} : { id: metadata.id }),
    title: metadata.title,
    logsource,
    rules,
    detection,
    origin,
  };
}

/** `rules`: a list of ids/names, one reference, or `any`; an empty list means any (pySigma). */
function readFilterRules(
  problems: Problems,
  filterMap: YamlMap,
): readonly string[] | 'any' | undefined {
  const entry = entryOf(filterMap, 'rules');
  if (entry === undefined || isNullScalar(entry.value)) {
    report(
      problems,
      'badFilter',
      'a filter needs "rules" (use "any" to apply it to every rule of its logsource)',
      entry?.value.span ?? filterMap.span,
    );
    return undefined;
  }
  const node = entry.value;
  if (node.kind === 'scalar') {
    const text = scalarText(node) ?? '';
    return text.toLowerCase() === 'any' ? 'any' : [text];
  }
  if (node.kind === 'seq') {
    if (node.items.length === 0) return 'any';
    const refs = node.items.map(scalarText);
    if (refs.every((r): r is string => r !== undefined)) return refs;
  }
  report(
    problems,
    'badFilter',
    'filter "rules" must be "any", a rule id or name, or a list of them',
    node.span,
  );
  return undefined;
}
