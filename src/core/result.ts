// What every parse and compile stage returns: the value with its warnings, or every problem found.

import type { Diagnostic } from './diagnostic.ts';

/**
 * Stages never throw on bad input: a result is the value (with the warnings found on the way) or
 * the diagnostics that stopped it, every one with its place.
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function succeeded<T>(value: T, warnings: readonly Diagnostic[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function failed<T = never>(diagnostics: readonly Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}
