// A detection's tests: kind, expectation, and where each attack data file is.
import { type Diagnostic, warning } from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import type { DetectionTest } from '../model/detection.ts';
import type { DetectionYaml } from '../schema/detection-schema.ts';
import { valueSpan } from '../yaml/locate.ts';
import { locateAttackData } from './attack-data.ts';
import type { NormalizeContext } from './normalize-detection.ts';

/** A missing local data file is a warning (the runner reports the test as skipped). */
export function normalizeTest(
  test: DetectionYaml['tests'][number],
  index: number,
  context: NormalizeContext,
  diagnostics: Diagnostic[],
): DetectionTest {
  const kind = test.test_type ?? 'unit';
  const attackData = test.attack_data.map((a, j) => {
    const location = locateAttackData(a.data, context.contentDir);
    if (location.kind === 'file' && !context.fileExists(location.path)) {
      diagnostics.push(
        warning(
          CONTENT_CODES.attackDataMissing,
          `attack data file ${location.path} does not exist`,
          {
            source: context.yaml.source,
            span: valueSpan(context.yaml, ['tests', index, 'attack_data', j, 'data']),
          },
        ),
      );
    }
    return {
      data: a.data,
      location,
      source: a.source,
      sourcetype: a.sourcetype,
      customIndex: a.custom_index,
      host: a.host,
    };
  });
  return {
    name: test.name,
    kind,
    expectsResults: kind !== 'benign',
    attackData,
    earliestTime: test.earliest_time,
    latestTime: test.latest_time,
  };
}
