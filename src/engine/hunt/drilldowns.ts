// A finding's drilldown searches with their tokens filled, as ES fills them for an analyst.
import { fillTokens } from '../risk/field-tokens.ts';
import type { Finding } from './finding.ts';
import type { DetectionOutcome } from './hunt-report.ts';

export interface FilledDrilldown {
  readonly name: string;
  readonly search: string;
  readonly earliest: string | undefined;
  readonly latest: string | undefined;
  /** The search reads risk events (`index=risk`, the Risk data model), not the inputs. */
  readonly readsRisk: boolean;
}

const ORIGINAL_SEARCH = '%original_detection_search%';

/**
 * `$field$` tokens take the finding's values; `$info_min_time$` and `$info_max_time$` - the time
 * range of the scheduled search in ES - take the span of the events the detection read (epoch
 * seconds); `%original_detection_search%` is the detection's search as written, macros included.
 */
export function fillDrilldowns(outcome: DetectionOutcome, finding: Finding): FilledDrilldown[] {
  const info = (name: string): string | undefined => {
    if (name === 'info_min_time') return timeText(outcome.firstEventTime);
    if (name === 'info_max_time') return timeText(outcome.lastEventTime);
    return undefined;
  };
  const fill = (template: string) => fillTokens(template, finding.fields, info);
  return outcome.rule.drilldowns.map((drilldown) => {
    const search = fill(drilldown.search).replaceAll(
      ORIGINAL_SEARCH,
      (outcome.rule.search ?? '').trim(),
    );
    return {
      name: fill(drilldown.name),
      search,
      earliest: drilldown.earliestOffset === undefined ? undefined : fill(drilldown.earliestOffset),
      latest: drilldown.latestOffset === undefined ? undefined : fill(drilldown.latestOffset),
      readsRisk: /\bindex\s*=\s*"?risk\b|\bdatamodel[\s=]+"?Risk\b/i.test(search),
    };
  });
}

function timeText(time: number | undefined): string | undefined {
  return time === undefined ? undefined : String(Math.floor(time));
}
