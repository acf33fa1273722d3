// Whether a detection test passed: contentctl's unit-test rule, and spelunk's benign rule (no results at all).
import { readField, type SharedEvent } from '../../core/index.ts';
import type { Detection } from '../../detection/index.ts';
import { presentValues } from '../risk/risk-object-values.ts';

export interface Verdict {
  readonly passed: boolean;
  /** Why it failed, or what made it pass. */
  readonly reason: string;
  readonly results: number;
}

/** Decides a test from its result rows as the search emits them: memory stays flat. */
export interface VerdictJudge {
  add(row: SharedEvent): void;
  verdict(): Verdict;
}

/**
 * contentctl (`DetectionTestingInfrastructure.execute_unit_test`, escu-corpus notes §9): at least
 * one result; rows are checked in order, and a row where a risk-object field is absent or the
 * text `null` fails the test at once; the first row where every risk-object and threat-object
 * field is populated passes it; when no row is complete, it passes only if each threat-object
 * field was populated in some row.
 */
export function unitJudge(detection: Detection): VerdictJudge {
  const riskFields = [...new Set(detection.riskEntities.map((e) => e.field))];
  const threatFields = [...new Set(detection.threatObjects.map((t) => t.field))];
  const threatSeen = new Set<string>();
  let results = 0;
  let decided: Verdict | undefined;
  return {
    add(row) {
      results++;
      if (decided !== undefined) return;
      for (const field of riskFields) {
        if (!populated(row, field)) {
          decided = {
            passed: false,
            reason: `risk object field "${field}" is null in result ${results}`,
            results,
          };
          return;
        }
      }
      const missing = threatFields.filter((f) => !populated(row, f));
      if (missing.length === 0) {
        decided = {
          passed: true,
          reason: `result ${results} has every risk and threat object field`,
          results,
        };
        return;
      }
      for (const field of threatFields) if (populated(row, field)) threatSeen.add(field);
    },
    verdict() {
      if (results === 0)
        return { passed: false, reason: 'the search returned no results', results };
      if (decided !== undefined) return { ...decided, results };
      const never = threatFields.filter((f) => !threatSeen.has(f));
      return never.length === 0
        ? { passed: true, reason: 'every threat object field is populated in some result', results }
        : {
            passed: false,
            reason: `threat object field${never.length === 1 ? '' : 's'} ${never.map((f) => `"${f}"`).join(', ')} null in every result`,
            results,
          };
    },
  };
}

/** spelunk's benign tests: the detection must stay quiet on ordinary activity. */
export function benignJudge(): VerdictJudge {
  let results = 0;
  return {
    add() {
      results++;
    },
    verdict() {
      return results === 0
        ? { passed: true, reason: 'no results on benign data', results }
        : {
            passed: false,
            reason: `${results} result${results === 1 ? '' : 's'} on benign data (expected none)`,
            results,
          };
    },
  };
}

/** contentctl counts a field as missing when it is absent or holds the text `null`. */
function populated(row: SharedEvent, field: string): boolean {
  return presentValues(row, field).length > 0 || readField(row, field) === '';
}
