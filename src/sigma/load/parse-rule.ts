// Reads a detection rule document.
import type { DocumentOrigin, SigmaRule } from '../model/rule.ts';
import { entryOf, type YamlMap } from '../yaml/yaml-node.ts';
import { parseDetection } from './parse-detection.ts';
import { parseLogsource } from './parse-logsource.ts';
import { readCommonMetadata } from './parse-metadata.ts';
import { expectMap, hasErrorsIn, type Problems, readString, readStringList } from './problems.ts';

export function parseRule(
  problems: Problems,
  map: YamlMap,
  origin: DocumentOrigin,
): SigmaRule | undefined {
  const metadata = readCommonMetadata(problems, map);
  const logsource = parseLogsource(problems, map);
  const detectionMap = expectMap(
    problems,
    entryOf(map, 'detection')?.value,
    'the detection section',
    map.span,
    'badDetection',
  );
  const detection = detectionMap && parseDetection(problems, detectionMap);
  const fields = readStringList(problems, map, 'fields');
  const regressionTestsPath = readString(problems, map, 'regression_tests_path');
  if (logsource === undefined || detection === undefined || hasErrorsIn(problems)) return undefined;
  return {
    kind: 'rule',
    ...metadata,
    logsource,
    detection,
    fields,
    ...(regressionTestsPath === undefined ? {} : { regressionTestsPath }),
    origin,
  };
}
