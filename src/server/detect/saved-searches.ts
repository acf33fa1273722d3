// The detect role's saved searches, as splunkd lists them: every enabled ESCU detection of the
// workspace is a scheduled search (its schedule: the config's per-detection override, else the
// detection's own `deployment.scheduling`, else the config's default, else contentctl's ESCU
// default), and every active Sigma rule and correlation a streaming one (matched as events commit).
import type { DetectionThrottling } from '../../detection/index.ts';
import {
  escuSearchName,
  type RunnableDetection,
  sigmaSearchName,
  type Workspace,
} from '../../engine/index.ts';
import { compileWildcard, SEARCH_WILDCARD } from '../../spl/index.ts';
import type { DetectConfig, SearchOverride } from '../config/detect-config-schema.ts';
import { CronSchedule } from './schedule/cron-schedule.ts';

/**
 * contentctl's default deployment of ESCU TTP, Anomaly, Hunting and Correlation detections
 * (contentctl/templates/deployments/escu_default_configuration_*.yml): hourly, over the hour that
 * ended ten minutes ago.
 */
export const ESCU_DEFAULT_SCHEDULE = {
  cron: '0 * * * *',
  earliest: '-70m@m',
  latest: '-10m@m',
} as const;

export interface SearchSchedule {
  readonly cron: CronSchedule;
  /** `dispatch.earliest_time` / `dispatch.latest_time`, relative to the scheduled time. */
  readonly earliest: string;
  readonly latest: string;
  /** Where the cron schedule came from, for `spelunk status`. */
  readonly from: 'contentctl default' | 'detection' | 'config default' | 'config';
}

export interface SavedSearch {
  /** `ESCU - <detection> - Rule`, `Sigma - <title>`: the risk events' `search_name`. */
  readonly name: string;
  readonly kind: 'scheduled' | 'streaming';
  /** The detection's name or the Sigma rule's title. */
  readonly title: string;
  readonly id: string | undefined;
  /** ESCU type, or `Sigma` / `Sigma correlation`. */
  readonly type: string;
  readonly description: string;
  /** The SPL, or where the Sigma rule is. */
  readonly search: string;
  readonly detection?: RunnableDetection;
  readonly schedule?: SearchSchedule;
  /** Why a scheduled search cannot be scheduled (a bad cron schedule). */
  readonly problem?: string;
  /** Suppression per entity, in seconds of event time (0: none). */
  readonly suppressSeconds: number;
  /** The detection's own `tags.throttling`, which replaces the per-entity suppression. */
  readonly throttling?: DetectionThrottling;
  /** Its findings alert: notables of their own, sent to the alert actions. */
  readonly alert: boolean;
}

/** The saved searches of a workspace under a config, scheduled ones first, each group by name. */
export function savedSearchesOf(workspace: Workspace, config: DetectConfig): SavedSearch[] {
  const overrides = overrideTable(config);
  const alerting = config.alert.map((p) => compileWildcard(p.toLowerCase(), SEARCH_WILDCARD));
  const alertOf = (name: string, override: SearchOverride | undefined) =>
    override?.alert ?? alerting.some((matches) => matches(name.toLowerCase()));
  const scheduled = workspace.detections.map((runnable): SavedSearch => {
    const { detection } = runnable;
    const name = escuSearchName(detection.name);
    const override = overrides(name, detection.name, detection.id);
    const scheduleOf = scheduleFor(runnable, override, config);
    return {
      name,
      kind: 'scheduled',
      title: detection.name,
      id: detection.id,
      type: detection.type,
      description: detection.description,
      search: detection.search,
      detection: runnable,
      ...scheduleOf,
      suppressSeconds: override?.suppress ?? config.suppress,
      ...(detection.throttling === undefined ? {} : { throttling: detection.throttling }),
      alert: alertOf(name, override),
    };
  });
  const streaming: SavedSearch[] = [];
  for (const { rule, report } of workspace.sigma?.rules ?? []) {
    if (!report) continue;
    streaming.push(sigmaSearch(rule, 'Sigma', overrides, config, alertOf));
  }
  for (const correlation of workspace.sigma?.correlations ?? []) {
    streaming.push(sigmaSearch(correlation, 'Sigma correlation', overrides, config, alertOf));
  }
  const byName = (a: SavedSearch, b: SavedSearch) => a.name.localeCompare(b.name);
  return [...scheduled.sort(byName), ...dedupe(streaming.sort(byName))];
}

function sigmaSearch(
  rule: {
    readonly title: string;
    readonly id?: string;
    readonly description?: string;
    readonly origin: { readonly source: { readonly name: string } };
  },
  type: string,
  overrides: ReturnType<typeof overrideTable>,
  config: DetectConfig,
  alertOf: (name: string, override: SearchOverride | undefined) => boolean,
): SavedSearch {
  const name = sigmaSearchName(rule.title);
  const override = overrides(name, rule.title, rule.id);
  return {
    name,
    kind: 'streaming',
    title: rule.title,
    id: rule.id,
    type,
    description: rule.description ?? '',
    search: `sigma rule ${rule.origin.source.name}`,
    suppressSeconds: override?.suppress ?? config.suppress,
    alert: alertOf(name, override),
  };
}

/** Two Sigma rules with one title are one saved search (their findings share a search_name). */
function dedupe(searches: SavedSearch[]): SavedSearch[] {
  return searches.filter((s, i) => i === 0 || searches[i - 1]?.name !== s.name);
}

function scheduleFor(
  runnable: RunnableDetection,
  override: SearchOverride | undefined,
  config: DetectConfig,
): Pick<SavedSearch, 'schedule' | 'problem'> {
  const own = runnable.detection.schedule;
  const pick = (key: 'cron' | 'earliest' | 'latest', fromDetection: string | undefined): string =>
    override?.[key] ?? fromDetection ?? config.schedule[key] ?? ESCU_DEFAULT_SCHEDULE[key];
  const cronText = pick('cron', own?.cronSchedule);
  const from: SearchSchedule['from'] =
    override?.cron !== undefined
      ? 'config'
      : own?.cronSchedule !== undefined
        ? 'detection'
        : config.schedule.cron !== undefined
          ? 'config default'
          : 'contentctl default';
  const cron = CronSchedule.parse(cronText);
  if (!(cron instanceof CronSchedule)) return { problem: cron.problem };
  return {
    schedule: {
      cron,
      earliest: pick('earliest', own?.earliestTime),
      latest: pick('latest', own?.latestTime),
      from,
    },
  };
}

/** `detect.searches` keys: a detection's name, its id, or its saved-search name, any case. */
function overrideTable(config: DetectConfig) {
  const table = new Map(
    Object.entries(config.searches).map(([key, value]) => [key.toLowerCase(), value]),
  );
  return (name: string, title: string, id: string | undefined): SearchOverride | undefined =>
    table.get(name.toLowerCase()) ??
    table.get(title.toLowerCase()) ??
    (id === undefined ? undefined : table.get(id.toLowerCase()));
}
