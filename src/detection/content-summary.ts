// Counts of a loaded content pack: files by kind, problems, and detections enabled or disabled by reason.
import type { ContentKind, ContentPack } from './model/content-pack.ts';
import type { DetectionType } from './model/detection.ts';

export interface DisabledGroup {
  /** `unsupported command "tstats"`, `status: deprecated`, ... */
  readonly reason: string;
  readonly detections: readonly string[];
}

export interface ContentSummary {
  readonly files: Readonly<
    Record<ContentKind, { readonly loaded: number; readonly failed: number }>
  >;
  readonly errors: number;
  readonly warnings: number;
  /** Problems by diagnostic code, most frequent first. */
  readonly problemsByCode: readonly {
    readonly code: string;
    readonly severity: string;
    readonly count: number;
  }[];
  readonly detections: {
    readonly loaded: number;
    readonly enabled: number;
    readonly byType: Readonly<Record<DetectionType, number>>;
    /** Largest group first. */
    readonly disabled: readonly DisabledGroup[];
  };
  readonly baselines: number;
}

export function summarizeContent(pack: ContentPack): ContentSummary {
  const codes = new Map<string, { code: string; severity: string; count: number }>();
  for (const d of pack.diagnostics) {
    const key = `${d.severity} ${d.code}`;
    const entry = codes.get(key) ?? { code: d.code, severity: d.severity, count: 0 };
    entry.count++;
    codes.set(key, entry);
  }
  const groups = new Map<string, string[]>();
  const byType: Record<DetectionType, number> = { TTP: 0, Anomaly: 0, Hunting: 0, Correlation: 0 };
  for (const detection of pack.detections) {
    byType[detection.type]++;
    if (!detection.disabled) continue;
    const names = groups.get(detection.disabled.group) ?? [];
    names.push(detection.name);
    groups.set(detection.disabled.group, names);
  }
  return {
    files: pack.files,
    errors: pack.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: pack.diagnostics.filter((d) => d.severity === 'warning').length,
    problemsByCode: [...codes.values()].sort(
      (a, b) => b.count - a.count || a.code.localeCompare(b.code),
    ),
    detections: {
      loaded: pack.detections.length,
      enabled: pack.detections.filter((d) => d.enabled).length,
      byType,
      disabled: [...groups.entries()]
        .map(([reason, detections]) => ({ reason, detections }))
        .sort(
          (a, b) => b.detections.length - a.detections.length || a.reason.localeCompare(b.reason),
        ),
    },
    baselines: pack.baselines.length,
  };
}

const KIND_LABELS: Readonly<Record<ContentKind, readonly [string, string]>> = {
  detection: ['detection', 'detections'],
  macro: ['macro', 'macros'],
  lookup: ['lookup', 'lookups'],
  story: ['story', 'stories'],
  data_source: ['data source', 'data sources'],
  baseline: ['baseline', 'baselines'],
};

function count(n: number, [one, many]: readonly [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The summary as the lines `spelunk validate` prints (and the conformance section reuses). */
export function formatContentSummary(summary: ContentSummary, listDisabled: boolean): string[] {
  const failed = Object.values(summary.files).reduce((n, f) => n + f.failed, 0);
  const files = (Object.keys(KIND_LABELS) as ContentKind[])
    .map((kind) =>
      count(summary.files[kind].loaded + summary.files[kind].failed, KIND_LABELS[kind]),
    )
    .join(', ');
  const { detections } = summary;
  const types = (Object.entries(detections.byType) as [DetectionType, number][])
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
  const lines = [
    `files: ${files}${failed > 0 ? ` (${failed} not loaded: see the errors)` : ''}`,
    `problems: ${count(summary.errors, ['error', 'errors'])}, ${count(summary.warnings, ['warning', 'warnings'])}${summary.problemsByCode.length > 0 ? ` (${summary.problemsByCode.map((p) => `${p.code} ×${p.count}`).join(', ')})` : ''}`,
    `detections: ${detections.loaded} loaded${types ? ` (${types})` : ''}, ${detections.enabled} enabled, ${detections.loaded - detections.enabled} disabled`,
  ];
  for (const group of detections.disabled) {
    lines.push(`  ${String(group.detections.length).padStart(5)}  ${group.reason}`);
    if (listDisabled) for (const name of group.detections) lines.push(`         - ${name}`);
  }
  if (summary.baselines > 0) {
    lines.push(
      `baselines: ${summary.baselines} recognised, not run (they fill lookups on a schedule in Splunk)`,
    );
  }
  return lines;
}
