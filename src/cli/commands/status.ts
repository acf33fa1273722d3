// `spelunk status --server URL`: what the server's detect role is doing, as `GET
// /services/saved/searches` and `/services/spelunk/detect/status` tell it: each saved search with
// its schedule, next run and last run (status, duration, result count), and the content's state.
import { type Command, Option } from 'commander';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.ts';
import { renderTable } from '../output/index.ts';
import type { CliCommand } from './index.ts';
import { type IndexCliOptions, indexOptions, indexTarget } from './index-options.ts';
import { addOptions } from './shared-options.ts';

interface StatusCliOptions extends IndexCliOptions {
  readonly json?: boolean;
}

interface SavedSearchEntry {
  readonly name: string;
  readonly content: Record<string, unknown>;
}

export const statusCommand: CliCommand = {
  register(program: Command) {
    const command = program
      .command('status')
      .description(
        "A running server's live detection: saved searches, schedules, last runs, content errors",
      );
    addOptions(
      command,
      ...indexOptions().filter((o) => o.long !== '--data'),
      new Option('--json', 'print the REST answers as JSON'),
    ).action(async (options: StatusCliOptions) => {
      process.exitCode = await runStatus(
        options,
        (text) => process.stdout.write(text),
        (text) => process.stderr.write(text),
      );
    });
  },
};

export async function runStatus(
  options: StatusCliOptions,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const target = indexTarget({ ...options, server: options.server ?? 'http://127.0.0.1:8089' });
  if ('usage' in target) {
    err(`error: ${target.usage}\n`);
    return EXIT_USAGE;
  }
  if (!('client' in target)) return EXIT_USAGE;
  try {
    const status = (await target.client.getJson('/services/spelunk/detect/status')) as Record<
      string,
      unknown
    >;
    const searches = (await target.client.getJson('/services/saved/searches?count=0')) as {
      entry: SavedSearchEntry[];
    };
    if (options.json) {
      out(`${JSON.stringify({ status, savedSearches: searches.entry }, null, 2)}\n`);
      return EXIT_OK;
    }
    out(renderStatus(status, searches.entry));
    return EXIT_OK;
  } catch (error) {
    err(`error: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
}

function renderStatus(
  status: Record<string, unknown>,
  entries: readonly SavedSearchEntry[],
): string {
  const lines = [
    `clock ${iso(Number(status['now']))}; content version ${status['contentVersion']}; ${status['scheduled']} scheduled, ${status['streaming']} streaming, ${status['disabled']} disabled`,
    `streamed ${status['streamedEvents']} events (${status['streamCaughtUp']} caught up at start, ${status['streamCatchUpSkipped']} left out), ${status['streamedFindings']} findings; alert actions: ${(status['alertActions'] as string[]).join(', ') || 'none'}, ${status['alertsDelivered']} delivered`,
  ];
  const reload = status['lastReload'] as {
    applied: boolean;
    reason: string;
    errors: { text: string }[];
  } | null;
  if (reload !== null && !reload.applied) {
    lines.push(`last reload (${reload.reason}) REFUSED, the previous content keeps running:`);
    for (const e of reload.errors) lines.push(e.text);
  }
  for (const e of status['contentErrors'] as { text: string }[]) lines.push(e.text);
  const rows = entries.map((e) => {
    const c = e.content;
    const last = String(c['spelunk.last_run.status'] ?? '');
    return {
      search: e.name,
      enabled: c['disabled'] === true ? 'no' : 'yes',
      schedule:
        c['spelunk.kind'] === 'streaming'
          ? 'on commit'
          : `${c['cron_schedule']} ${c['dispatch.earliest_time']}..${c['dispatch.latest_time']}`,
      next_run: String(c['next_scheduled_time'] ?? ''),
      last_run:
        last === '' ? '' : `${last} at ${iso(Number(c['spelunk.last_run.scheduled_time']))}`,
      duration:
        c['spelunk.last_run.run_time'] == null
          ? ''
          : `${Number(c['spelunk.last_run.run_time']).toFixed(2)} s`,
      results:
        c['spelunk.last_run.result_count'] == null
          ? ''
          : String(c['spelunk.last_run.result_count']),
      problem:
        String(c['spelunk.problem'] || c['spelunk.last_run.reason'] || '').split('\n')[0] ?? '',
    };
  });
  const columns = [
    'search',
    'enabled',
    'schedule',
    'next_run',
    'last_run',
    'duration',
    'results',
    'problem',
  ];
  return `${lines.join('\n')}\n\n${renderTable(columns, rows)}\n`;
}

function iso(seconds: number): string {
  return Number.isFinite(seconds)
    ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
    : '';
}
