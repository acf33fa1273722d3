// Compiles every detection's search, once, with the pack's macros and lookups: the plan it runs
// with, or why it does not run.
import { type Diagnostic, failed, span, succeeded } from '../../core/index.ts';
import {
  type CompileSplOptions,
  type CompileSplResult,
  compileSpl,
  type DataModelProvider,
  type LookupProvider,
  type MacroLibrary,
  type Plan,
} from '../../spl/index.ts';
import type { Detection, DetectionOrigin, DisabledReason } from '../model/detection.ts';
import type { DetectionDraft } from '../normalize/normalize-detection.ts';

export interface SearchContext {
  readonly macros: MacroLibrary;
  readonly lookups: LookupProvider;
  /** The data models tstats/datamodel/from datamodel read (knowledge/datamodels); without them those searches are unsupported. */
  readonly dataModels?: DataModelProvider;
}

const UNSUPPORTED_COMMAND = 'SPL501';

export interface CheckedSearches {
  readonly detections: readonly Detection[];
  /** The compiled search of each detection whose search compiles, by detection id. */
  readonly plans: ReadonlyMap<string, Plan>;
}
/** Lexer (SPL0xx), parser (SPL1xx) and macro expansion (SPL2xx) codes: the text is not valid SPL. */
const PARSE_CODES = /^SPL[012]\d\d$/;

/**
 * A search that does not parse (syntax, undefined macro) is an error in the content: reported,
 * and the detection is disabled. A search that parses but that spelunk cannot run - an
 * unsupported command or option, a function the analysis refuses (SPL3xx), a lookup that is not
 * loaded (LKPxxx) - disables the detection with that reason and is not an error.
 */
export function checkSearches(
  drafts: readonly DetectionDraft[],
  context: SearchContext,
  diagnostics: Diagnostic[],
): CheckedSearches {
  const plans = new Map<string, Plan>();
  const detections = drafts.map((draft) => {
    const result = compileDetection(draft, context);
    if (result.ok) {
      diagnostics.push(...result.warnings);
      plans.set(draft.id, result.value);
      return deprecatedOrEnabled(draft);
    }
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const parseErrors = errors.filter((d) => PARSE_CODES.test(d.code));
    diagnostics.push(...result.diagnostics.filter((d) => d.severity === 'warning'));
    if (parseErrors.length > 0) {
      diagnostics.push(...parseErrors);
      return disabled(draft, {
        code: 'search-does-not-parse',
        group: 'the search does not parse',
        message: parseErrors[0]?.message ?? 'the search does not parse',
        ...(parseErrors[0] ? { diagnostic: parseErrors[0] } : {}),
      });
    }
    if (draft.status === 'deprecated') return deprecatedOrEnabled(draft);
    const first = errors[0];
    const command = first?.code === UNSUPPORTED_COMMAND ? first.data?.['command'] : undefined;
    return disabled(draft, {
      code: command !== undefined ? 'unsupported-command' : 'unsupported-search',
      group: command !== undefined ? `unsupported command "${command}"` : groupOf(first),
      message: first?.message ?? 'the search cannot run',
      ...(first ? { diagnostic: first } : {}),
    });
  });
  return { detections, plans };
}

/**
 * Compiles a detection's search with the pack's macros and lookups; every diagnostic points into
 * the detection's YAML file where the search text maps back to it (see scalar-offsets.ts).
 */
export function compileDetection(
  detection: Pick<Detection, 'search' | 'origin'>,
  context: SearchContext,
  options: Omit<CompileSplOptions, 'macros' | 'lookups' | 'sourceName'> = {},
): CompileSplResult {
  const sourceName = `${detection.origin.file.name} (search)`;
  const result = compileSpl(detection.search, {
    ...(context.dataModels ? { dataModels: context.dataModels } : {}),
    ...options,
    macros: context.macros,
    lookups: context.lookups,
    sourceName,
  });
  const place = (d: Diagnostic) => intoFile(d, sourceName, detection.origin);
  return result.ok
    ? succeeded(result.value, result.warnings.map(place))
    : failed(result.diagnostics.map(place));
}

/** `SPL311 unknown stats function "sparkline"`: the code and the message up to its first colon. */
function groupOf(d: Diagnostic | undefined): string {
  if (!d) return 'the search cannot run';
  return `${d.code} ${d.message.split(': ')[0] ?? d.message}`;
}

function intoFile(d: Diagnostic, sourceName: string, origin: DetectionOrigin): Diagnostic {
  if (d.source?.name !== sourceName || !d.span || !origin.searchToFile) return d;
  const start = origin.searchToFile(d.span.start);
  const end = d.span.end > d.span.start ? origin.searchToFile(d.span.end - 1) + 1 : start;
  return { ...d, source: origin.file, span: span(start, Math.max(end, start)) };
}

function deprecatedOrEnabled(draft: DetectionDraft): Detection {
  if (draft.status === 'deprecated') {
    return disabled(draft, {
      code: 'deprecated',
      group: 'status: deprecated',
      message: 'the detection is deprecated',
    });
  }
  return { ...draft, enabled: true, disabled: undefined };
}

function disabled(draft: DetectionDraft, reason: DisabledReason): Detection {
  return { ...draft, enabled: false, disabled: reason };
}
