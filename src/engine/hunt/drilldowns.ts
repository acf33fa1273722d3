// A finding's drilldown searches with their tokens filled, as ES fills them for an analyst.
import { fillTokens } from '../risk/field-tokens.ts';
import type { Finding } from './finding.ts';
import type { DetectionOutcome } from './hunt-report.ts';

export interface FilledDrilldown {
  readonly name: string;
  readonly search: string;
  /** The time range as Splunk time modifiers (epoch seconds, `-7d`, `now`). */
  readonly earliest: string | undefined;
  readonly latest: string | undefined;
  /**
   * What relative times count from: an hour and a second after the finding, as an analyst runs a
   * drilldown from the notable (epoch seconds; undefined when the finding has no time).
   */
  readonly now: number | undefined;
  /** The search reads risk events (`index=risk`, the Risk data model), not the inputs. */
  readonly readsRisk: boolean;
}

const ORIGINAL_SEARCH = '%original_detection_search%';

/**
 * How long after the finding the drilldown runs, as an analyst opens a notable some time after it
 * was raised: ESCU's risk drilldowns end an hour before now (`starthoursago=168 endhoursago=1`),
 * so the finding's own risk events are inside only when now is more than an hour after it.
 */
const REVIEW_DELAY_SECONDS = 3600;

/**
 * `$field$` tokens take the finding's values; `$info_min_time$` and `$info_max_time$` - the time
 * range of the scheduled search in ES, latest exclusive - take the span of the events the
 * detection read (epoch seconds, the end one second past the last event);
 * `%original_detection_search%` is the detection's search as written, macros included. ES's
 * offsets (`7d`, `0`) become time modifiers counted back from the finding.
 */
export function fillDrilldowns(outcome: DetectionOutcome, finding: Finding): FilledDrilldown[] {
  const info = (name: string): string | undefined => {
    if (name === 'info_min_time') return timeText(outcome.firstEventTime);
    if (name === 'info_max_time') return timeText(after(outcome.lastEventTime));
    return undefined;
  };
  const base = after(finding.time ?? outcome.lastEventTime);
  const now = base === undefined ? undefined : base + REVIEW_DELAY_SECONDS;
  const fill = (template: string) => fillTokens(template, finding.fields, info);
  return outcome.rule.drilldowns.map((drilldown) => {
    const search = fill(drilldown.search).replaceAll(
      ORIGINAL_SEARCH,
      (outcome.rule.search ?? '').trim(),
    );
    return {
      name: fill(drilldown.name),
      search,
      earliest: offsetTime(drilldown.earliestOffset, fill),
      latest: offsetTime(drilldown.latestOffset, fill),
      now,
      readsRisk: /\bindex\s*=\s*"?risk\b|\bdatamodel[\s=]+"?Risk\b/i.test(search),
    };
  });
}

function timeText(time: number | undefined): string | undefined {
  return time === undefined ? undefined : String(Math.floor(time));
}

/** One second past a time, whole: a latest bound (exclusive) that holds the time. */
function after(time: number | undefined): number | undefined {
  return time === undefined ? undefined : Math.floor(time) + 1;
}

/**
 * An ES drilldown offset as a time modifier: a filled `$info_*$` token is epoch seconds; `0` is
 * the notable's time (`now`); `7d` or `86400` reach back from it (`-7d`, `-86400s`); a modifier
 * (`-24h@h`, `now`) is kept.
 */
function offsetTime(
  offset: string | undefined,
  fill: (template: string) => string,
): string | undefined {
  if (offset === undefined) return undefined;
  const text = fill(offset).trim();
  if (text === '') return undefined;
  if (/\$info_(min|max)_time\$/.test(offset)) return text;
  if (/^0+$/.test(text)) return 'now';
  if (/^\d+$/.test(text)) return `-${text}s`;
  if (/^\d+[a-z]+$/i.test(text)) return `-${text}`;
  return text;
}
