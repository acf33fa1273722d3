// Static detection of regexes whose backtracking time grows faster than linearly with input.
// Uses scslre (super-linear backtracking detector over the JS RegExp AST, by the author of
// eslint-plugin-regexp) rather than a home-made heuristic: it knows overlapping quantifiers,
// nested quantifiers and quantifier trades, and tells exponential from polynomial.
import { analyse } from 'scslre';

/**
 * - `linear`: no super-linear backtracking found.
 * - `scan`: only quadratic in the unanchored scan (each start position re-reads a run), the
 *   shape of most `\d+\.\d+`-like patterns; safe on short text.
 * - `superlinear`: polynomial or exponential backtracking within one match attempt.
 */
export type RegexRisk = 'linear' | 'scan' | 'superlinear';

export function assessRegex(source: string, flags: string): RegexRisk {
  let reports: ReturnType<typeof analyse>['reports'];
  try {
    reports = analyse({ source, flags }, { maxReports: 10 }).reports;
  } catch {
    // Patterns the analyser's parser does not take are treated as risky, never as safe.
    return 'superlinear';
  }
  if (reports.length === 0) return 'linear';
  return reports.every((r) => r.type === 'Move') ? 'scan' : 'superlinear';
}
