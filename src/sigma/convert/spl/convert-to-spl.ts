// Converts a loaded rule set to SPL, document by document, collecting refusals as diagnostics.
import { type Diagnostic, error } from '../../../core/index.ts';
import { filterApplies } from '../../compile/compile-rules.ts';
import { UnresolvedPlaceholderError } from '../../condition/resolve-condition.ts';
import { SIGMA_CODES } from '../../diagnostic-codes.ts';
import type { SigmaRuleSet } from '../../load/rule-set.ts';
import { DEFAULT_WINDOWS_MAPPING } from '../../mapping/default-windows-mapping.ts';
import { describeLogsource, type LogsourceMapping } from '../../mapping/logsource-mapping.ts';
import type { SigmaCorrelation, SigmaRule } from '../../model/rule.ts';
import { convertCorrelation, type ReferencedQueries } from './convert-correlation.ts';
import {
  convertRule,
  type SplPipeline,
  SplUnsupportedError,
  UnmappedForSplError,
} from './convert-rule.ts';

export interface SplConvertOptions {
  readonly pipeline?: SplPipeline;
  readonly mapping?: LogsourceMapping;
  readonly placeholders?: ReadonlyMap<string, readonly string[]>;
}

export interface SplDocument {
  readonly document: SigmaRule | SigmaCorrelation;
  /** Empty when the document could not be converted (its diagnostic says why) or is not output. */
  readonly queries: readonly string[];
}

export interface SplConversion {
  readonly documents: readonly SplDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Rules referenced by a correlation without `generate` are not output on their own (pySigma);
 * their queries feed the correlation's search.
 */
export function convertToSpl(
  ruleSet: SigmaRuleSet,
  options: SplConvertOptions = {},
): SplConversion {
  const context = {
    pipeline: options.pipeline ?? 'spelunk',
    mapping: options.mapping ?? DEFAULT_WINDOWS_MAPPING,
    placeholder: (name: string) => options.placeholders?.get(name),
  };
  const diagnostics: Diagnostic[] = [];
  const finished = new Map<SigmaRule, string[]>();
  const refuse = (
    doc: SigmaRule | SigmaCorrelation,
    message: string,
    code: string = SIGMA_CODES.splUnsupported,
  ) => {
    diagnostics.push(error(code, message, { source: doc.origin.source, span: doc.origin.span }));
  };
  for (const rule of ruleSet.rules) {
    try {
      const filters = ruleSet.filters.filter((f) => filterApplies(f, rule));
      finished.set(rule, convertRule(rule, { ...context, filters }));
    } catch (e) {
      if (e instanceof SplUnsupportedError) refuse(rule, `cannot convert to SPL: ${e.message}`);
      else if (e instanceof UnmappedForSplError) {
        refuse(
          rule,
          `no logsource mapping for ${describeLogsource(rule.logsource)}: use --pipeline none to convert the detection logic alone`,
          SIGMA_CODES.unmappedLogsource,
        );
      } else if (e instanceof UnresolvedPlaceholderError) {
        refuse(
          rule,
          `${e.message}; give its values with --placeholders`,
          SIGMA_CODES.unresolvedPlaceholder,
        );
      } else throw e;
    }
  }
  const quiet = new Set<SigmaRule>();
  const documents: SplDocument[] = [];
  for (const correlation of ruleSet.correlations) {
    const referenced: ReferencedQueries[] = [];
    let problem: string | undefined;
    for (const ref of correlation.rules) {
      const rule = ruleSet.rules.find((r) => r.id === ref || r.name === ref);
      const queries = rule && finished.get(rule);
      if (!rule)
        problem = `correlation "${ref}" refers to a correlation: chained correlations have no SPL conversion`;
      else if (!queries) problem = `referenced rule "${ref}" could not be converted`;
      else {
        referenced.push({ ruleId: rule.name ?? rule.id ?? ref, ref, queries });
        if (!correlation.generate) quiet.add(rule);
      }
    }
    if (problem !== undefined) {
      refuse(correlation, `cannot convert to SPL: ${problem}`);
      documents.push({ document: correlation, queries: [] });
      continue;
    }
    try {
      documents.push({
        document: correlation,
        queries: [convertCorrelation(correlation, referenced)],
      });
    } catch (e) {
      if (!(e instanceof SplUnsupportedError)) throw e;
      refuse(correlation, `cannot convert to SPL: ${e.message}`);
      documents.push({ document: correlation, queries: [] });
    }
  }
  const ruleDocuments = ruleSet.rules.map((rule) => {
    const queries = quiet.has(rule) ? [] : (finished.get(rule) ?? []);
    // finalize_query_default: `| table` of the rule's fields.
    const table = rule.fields.length > 0 ? ` | table ${rule.fields.join(',')}` : '';
    return { document: rule, queries: queries.map((q) => q + table) };
  });
  return { documents: [...ruleDocuments, ...documents], diagnostics };
}
