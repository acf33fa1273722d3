// Collects the diagnostics of one document while it is read; helpers to read typed attributes.
import { type Diagnostic, error, type SourceText, type Span, warning } from '../../core/index.ts';
import { SIGMA_CODES } from '../diagnostic-codes.ts';
import {
  describeNode,
  entryOf,
  isTimestamp,
  type YamlMap,
  type YamlNode,
} from '../yaml/yaml-node.ts';

type CodeName = keyof typeof SIGMA_CODES;

export interface Problems {
  readonly source: SourceText;
  readonly diagnostics: Diagnostic[];
}

export function createProblems(source: SourceText): Problems {
  return { source, diagnostics: [] };
}

export function report(problems: Problems, code: CodeName, message: string, where: Span): void {
  problems.diagnostics.push(
    error(SIGMA_CODES[code], message, { source: problems.source, span: where }),
  );
}

export function warn(problems: Problems, code: CodeName, message: string, where: Span): void {
  problems.diagnostics.push(
    warning(SIGMA_CODES[code], message, { source: problems.source, span: where }),
  );
}

export function hasErrorsIn(problems: Problems): boolean {
  return problems.diagnostics.some((d) => d.severity === 'error');
}

/** A string attribute; reports a wrong type. PyYAML scalars that are not text are stringified. */
export function readString(
  problems: Problems,
  map: YamlMap,
  key: string,
  options: { readonly required?: boolean; readonly code?: CodeName } = {},
): string | undefined {
  const entry = entryOf(map, key);
  if (entry === undefined || isNullScalar(entry.value)) {
    if (options.required)
      report(problems, options.code ?? 'badAttribute', `missing "${key}"`, map.span);
    return undefined;
  }
  const node = entry.value;
  if (node.kind === 'scalar' && typeof node.value === 'string') return node.value;
  report(
    problems,
    options.code ?? 'badAttribute',
    `"${key}" must be a string, not ${describeNode(node)}`,
    node.span,
  );
  return undefined;
}

/** A list of strings (a single string is accepted as a one-element list where pySigma allows it). */
export function readStringList(
  problems: Problems,
  map: YamlMap,
  key: string,
  options: { readonly allowScalar?: boolean } = {},
): string[] {
  const entry = entryOf(map, key);
  if (entry === undefined || isNullScalar(entry.value)) return [];
  const node = entry.value;
  if (node.kind === 'scalar' && options.allowScalar && typeof node.value === 'string') {
    return [node.value];
  }
  if (node.kind !== 'seq') {
    report(
      problems,
      'badAttribute',
      `"${key}" must be a list, not ${describeNode(node)}`,
      node.span,
    );
    return [];
  }
  const out: string[] = [];
  for (const item of node.items) {
    const text = scalarText(item);
    if (text === undefined) {
      report(
        problems,
        'badAttribute',
        `"${key}" must list strings, not ${describeNode(item)}`,
        item.span,
      );
    } else out.push(text);
  }
  return out;
}

export function isNullScalar(node: YamlNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** Text of a scalar as PyYAML + `str()` would give it; undefined for collections and null. */
export function scalarText(node: YamlNode): string | undefined {
  if (node.kind !== 'scalar' || node.value === null) return undefined;
  const v = node.value;
  if (isTimestamp(v)) return v.timestamp;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

export function expectMap(
  problems: Problems,
  node: YamlNode | undefined,
  what: string,
  where: Span,
  code: CodeName = 'badAttribute',
): YamlMap | undefined {
  if (node === undefined || isNullScalar(node)) {
    report(problems, code, `missing ${what}`, where);
    return undefined;
  }
  if (node.kind !== 'map') {
    report(problems, code, `${what} must be a map, not ${describeNode(node)}`, node.span);
    return undefined;
  }
  return node;
}
