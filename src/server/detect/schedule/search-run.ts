// One run of a scheduled saved search: its SPL over its window through the search role
// (runIndexSearch, the detection's own text with the workspace's macros), each result row a
// finding with the risk events the detection's risk rule raises from it (the engine's rule, as
// `hunt` raises them).
import type { Event } from '../../../core/index.ts';
import {
  findingTime,
  huntRuleOfDetection,
  riskEventsOf,
  type Workspace,
} from '../../../engine/index.ts';
import { type IndexSearchDeps, SearchCompileError } from '../../search/search-context.ts';
import type { RunIndexSearch } from '../detect-runtime.ts';
import type { LiveFinding } from '../output/live-finding.ts';
import type { SavedSearch } from '../saved-searches.ts';

export interface SearchRunResult {
  readonly findings: readonly LiveFinding[];
  readonly resultCount: number;
  readonly scanned: number;
  /** Set when the run failed: why (a compile error with its caret, a store error). */
  readonly error?: string;
  readonly warnings: readonly string[];
}

export interface SearchRunRequest {
  readonly search: SavedSearch;
  readonly workspace: Workspace;
  /** The time relative times count from (the scheduled time). */
  readonly now: number;
  readonly earliest: number;
  readonly latest: number;
  /** Rows past this are not turned into findings (the run is recorded as truncated). */
  readonly maxRows: number;
  readonly signal?: AbortSignal;
}

export async function runSavedSearch(
  request: SearchRunRequest,
  runSearch: RunIndexSearch,
  deps: Omit<IndexSearchDeps, 'workspace'>,
): Promise<SearchRunResult> {
  const { search } = request;
  const detection = search.detection?.detection;
  if (detection === undefined) {
    return {
      findings: [],
      resultCount: 0,
      scanned: 0,
      error: `${search.name} is not a scheduled search`,
      warnings: [],
    };
  }
  const rows: Event[] = [];
  const warnings: string[] = [];
  let scanned = 0;
  let resultCount = 0;
  try {
    await runSearch(
      {
        spl: detection.search,
        now: request.now,
        timeRange: { earliest: request.earliest, latest: request.latest },
        ...(request.signal ? { signal: request.signal } : {}),
      },
      { ...deps, workspace: request.workspace },
      {
        emit: (batch) => {
          resultCount += batch.length;
          for (const row of batch) if (rows.length < request.maxRows) rows.push(row);
        },
        message: (type, text) => {
          if (type !== 'INFO') warnings.push(text);
        },
        scanned: (count) => {
          scanned += count;
        },
      },
    );
  } catch (error) {
    const text =
      error instanceof SearchCompileError || error instanceof Error ? error.message : String(error);
    return { findings: [], resultCount, scanned, error: text, warnings };
  }
  if (resultCount > rows.length) {
    warnings.push(
      `${resultCount} results, only the first ${rows.length} raised findings (limits.maxResultRows)`,
    );
  }
  return { findings: findingsOfRows(search, rows, request.latest), resultCount, scanned, warnings };
}

/** A saved search's result rows as findings with their risk events (the engine's risk rule). */
export function findingsOfRows(
  search: SavedSearch,
  rows: readonly Event[],
  windowEnd: number,
): LiveFinding[] {
  const detection = search.detection?.detection;
  if (detection === undefined) return [];
  const rule = huntRuleOfDetection(detection);
  return rows.map((fields): LiveFinding => {
    // A row without a time of its own happened, for the risk window, at the end of the window.
    const time = findingTime(fields, windowEnd) ?? windowEnd;
    return { search, rule, fields, time, risks: riskEventsOf(rule.risk, fields, time) };
  });
}
