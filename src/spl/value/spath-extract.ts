// spath's reading of JSON and XML text, shared by the spath command and the spath() eval function.

import type { Scalar } from '../../core/index.ts';
import { parseBoundedJson } from './json-value.ts';
import { documentKind, flattenJson, flattenXml, type PathValues } from './structured-values.ts';

/** Every leaf of a JSON or XML text by its path; undefined for other text or text that does not parse. */
export function flattenDocument(text: string): PathValues | undefined {
  const kind = documentKind(text);
  if (kind === 'json') {
    const json = parseBoundedJson(text);
    return json === undefined ? undefined : flattenJson(json);
  }
  return kind === 'xml' ? flattenXml(text) : undefined;
}

/** `a.b{}.c` matches that leaf path; `a.b{2}.c` the second element's (1-based). */
export function spathSelect(leaves: PathValues, path: string): Scalar[] {
  const indexed = /\{(\d+)\}/.exec(path);
  if (indexed === null) return leaves.get(path) ?? [];
  // Index within the array: the Nth value of the `{}` path is the Nth element's leaf when each
  // element has one.
  const general = path.replace(/\{\d+\}/g, '{}');
  const values = leaves.get(general) ?? [];
  const picked = values[Number(indexed[1]) - 1];
  return picked === undefined ? [] : [picked];
}
