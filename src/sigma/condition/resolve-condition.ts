// Resolves a rule's condition against its search identifiers into a LogicNode tree, applying the
// field mapping and placeholder values on the way (pySigma's condition postprocessing).

import type { Detection, DetectionGroup, DetectionItem } from '../model/rule.ts';
import {
  expandPlaceholders,
  hasPlaceholders,
  literalText,
  parseSigmaString,
  type SigmaStringParts,
} from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import type { ConditionExpr } from './condition-ast.ts';
import type { LogicNode } from './logic-tree.ts';

export interface ResolveOptions {
  /** Event fields a Sigma field maps to (several are ORed); identity when unmapped. */
  readonly mapField: (field: string) => readonly string[];
  /** Values of `expand` placeholders; undefined when a placeholder has none. */
  readonly placeholder: (name: string) => readonly string[] | undefined;
}

export class UnresolvedPlaceholderError extends Error {
  readonly placeholder: string;

  constructor(placeholder: string) {
    super(`no value is configured for the placeholder %${placeholder}%`);
    this.placeholder = placeholder;
  }
}

/** Every identifier name a selector pattern selects (pySigma: `_`-prefixed only by `_` patterns). */
export function selectIdentifiers(pattern: string, names: Iterable<string>): string[] {
  const parts = pattern === 'them' ? undefined : pattern.split('*');
  return [...names].filter(
    (name) =>
      (parts === undefined || globMatches(parts, name)) &&
      (pattern.startsWith('_') || !name.startsWith('_')),
  );
}

/**
 * Whether `name` is the pattern's literal parts (split at its `*`s, the only wildcard of a
 * selector) with anything between them. Each middle part is taken at its leftmost place after the
 * previous one: leftmost is never worse for the parts after it, so no place is retried (a rule's
 * `1 of *a*a*...` costs parts × name length, not backtracking; rule text is attacker-controlled).
 */
export function globMatches(parts: readonly string[], name: string): boolean {
  const first = parts[0] as string;
  if (parts.length === 1) return name === first;
  const last = parts[parts.length - 1] as string;
  if (name.length < first.length + last.length) return false;
  if (!name.startsWith(first) || !name.endsWith(last)) return false;
  let at = first.length;
  const end = name.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const found = name.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** Throws UnresolvedPlaceholderError when an `expand` placeholder has no value. */
export function resolveCondition(
  detection: Detection,
  expr: ConditionExpr,
  options: ResolveOptions,
): LogicNode {
  return new Resolver(detection, options).condition(expr, false);
}

class Resolver {
  private readonly detection: Detection;
  private readonly options: ResolveOptions;

  constructor(detection: Detection, options: ResolveOptions) {
    this.detection = detection;
    this.options = options;
  }

  condition(expr: ConditionExpr, inOr: boolean): LogicNode {
    switch (expr.kind) {
      case 'and':
      case 'or':
        return join(
          expr.kind,
          expr.args.map((a) => this.condition(a, inOr || expr.kind === 'or')),
        );
      case 'not':
        return { kind: 'not', arg: this.condition(expr.arg, inOr) };
      case 'id':
        return this.identifier(expr.name, inOr);
      case 'selector': {
        const names = selectIdentifiers(expr.pattern, this.detection.identifiers.keys());
        const kind = expr.quantifier === 'all' ? 'and' : 'or';
        return join(
          kind,
          names.map((n) => this.identifier(n, inOr || kind === 'or')),
        );
      }
    }
  }

  private identifier(name: string, inOr: boolean): LogicNode {
    const identifier = this.detection.identifiers.get(name);
    if (identifier === undefined) throw new Error(`undefined search identifier ${name}`);
    return this.group(identifier.definition, inOr);
  }

  private group(group: DetectionGroup, inOr: boolean): LogicNode {
    const childOr = inOr || (group.linking === 'or' && group.children.length > 1);
    return join(
      group.linking,
      group.children.map((c) =>
        c.kind === 'group' ? this.group(c, childOr) : this.item(c, childOr),
      ),
    );
  }

  private item(item: DetectionItem, inOr: boolean): LogicNode {
    const valueOr = inOr || (item.linking === 'or' && item.values.length > 1);
    const fields = item.field === null ? [null] : this.options.mapField(item.field);
    const perField = fields.map((field) =>
      join(
        item.linking,
        item.values.map((v) => this.value(field, v, valueOr || fields.length > 1)),
      ),
    );
    const node = join('or', perField);
    return item.negated ? { kind: 'not', arg: node } : node;
  }

  private value(field: string | null, value: SigmaValue, orContext: boolean): LogicNode {
    switch (value.kind) {
      case 'expansion':
        return expansion(value.values.map((v) => this.value(field, v, orContext)));
      case 'string':
        if (hasPlaceholders(value.parts)) {
          const variants = expandPlaceholders(value.parts, (name) => this.placeholder(name));
          return expansion(
            variants.map((parts) => ({
              kind: 'match',
              field,
              value: { ...value, parts },
              orContext,
            })),
          );
        }
        return { kind: 'match', field, value, orContext };
      case 're':
        return { kind: 'match', field, value: this.regexPlaceholders(value), orContext };
      case 'fieldref': {
        const target = this.options.mapField(value.field)[0] ?? value.field;
        return { kind: 'match', field, value: { ...value, field: target }, orContext };
      }
      default:
        return { kind: 'match', field, value, orContext };
    }
  }

  private placeholder(name: string): SigmaStringParts[] {
    const values = this.options.placeholder(name);
    if (values === undefined) throw new UnresolvedPlaceholderError(name);
    return values.map(parseSigmaString);
  }

  private regexPlaceholders(value: SigmaValue & { kind: 're' }): SigmaValue {
    if (!value.placeholders || !/(?<!\\)%[^%]+%/.test(value.pattern)) return value;
    // `re|expand`: each placeholder becomes an alternation of its escaped values.
    const pattern = value.pattern.replace(/(?<!\\)%([^%]+)%/g, (_, name: string) => {
      const values = this.placeholder(name).map((p) =>
        literalText(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      );
      return `(?:${values.join('|')})`;
    });
    return { ...value, pattern };
  }
}

function expansion(args: readonly LogicNode[]): LogicNode {
  if (args.length === 1) return args[0] as LogicNode;
  return { kind: 'or', args, expansion: true };
}

function join(kind: 'and' | 'or', args: readonly LogicNode[]): LogicNode {
  if (args.length === 1) return args[0] as LogicNode;
  return { kind, args };
}
