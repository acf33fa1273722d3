// Converts a resolved condition tree into an SPL search, as pySigma's Splunk backend does:
// precedence NOT > OR > AND (implicit AND), `IN` lists, `| regex` and `| where` deferred after
// the search, `rex`/`eval` for regexes inside ORs.
import type { LogicNode, MatchNode } from '../../condition/logic-tree.ts';
import { formatNetwork } from '../../model/ip-address.ts';
import { isWildcard, type SigmaStringParts } from '../../model/sigma-string.ts';
import type { SigmaRegexValue } from '../../model/sigma-value.ts';
import { regexNames, splField, splNumber, splRegex, splString } from './spl-text.ts';

/** Thrown for constructs the Splunk backend cannot express; becomes a SIGMA070 diagnostic. */
export class SplUnsupportedError extends Error {}

interface Deferred {
  readonly kind: 'regex' | 'where';
  readonly field: string;
  readonly value: string;
  negated: boolean;
}

/** A converted part: text, a deferred expression (filtered after the search), or nothing. */
type Part = string | Deferred | null;

const COMPARE_TOKENS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** Splunk precedence (pySigma `precedence = (NOT, OR, AND)`): lower binds tighter. */
function precedence(node: LogicNode): number {
  if (node.kind === 'match') return -1;
  return node.kind === 'not' ? 0 : node.kind === 'or' ? 1 : 2;
}

/** The text of one condition, before finishing (deferred parts, OR-ed regexes) is applied. */
export class SplConditionConverter {
  readonly deferred: Deferred[] = [];
  /** `rex`/`eval` commands of regexes (and field references) inside ORs, in order. */
  readonly regexCommands: string[] = [];
  /** Field names those commands create (the finaliser must not move terms on them). */
  readonly regexConditionFields = new Set<string>();
  private readonly regexCounts = new Map<string, number>();
  private readonly fieldrefCounts = new Map<string, number>();

  /**
   * `simple`: the node sits under ANDs only (a NOT directly above a match is fine). pySigma uses
   * `| regex`/`| where` there; elsewhere a deferred filter would change the meaning (pySigma's
   * output is wrong under a negated group), so regexes use the `rex`/`eval` form it uses in ORs.
   */
  convert(node: LogicNode, simple: boolean): Part {
    switch (node.kind) {
      case 'match':
        return this.match(node, simple && !node.orContext);
      case 'not': {
        const arg = node.arg;
        if (arg.kind === 'and' || arg.kind === 'or') {
          const group = this.group(arg, false);
          return typeof group === 'string' ? `NOT ${group}` : group;
        }
        const part = this.convert(arg, simple);
        if (part !== null && typeof part !== 'string') {
          part.negated = !part.negated;
          return part;
        }
        return part === null ? null : `NOT ${part}`;
      }
      case 'and':
      case 'or': {
        if (node.kind === 'or' && !node.expansion) {
          const list = this.inList(node.args);
          if (list !== undefined) return list;
        }
        const childSimple = simple && node.kind === 'and';
        let sawDeferred = false;
        const parts: string[] = [];
        for (const arg of node.args) {
          const part =
            precedence(arg) <= precedence(node)
              ? this.convert(arg, childSimple)
              : this.group(arg, childSimple);
          if (typeof part === 'string') parts.push(part);
          else if (part !== null) sawDeferred = true;
        }
        if (parts.length === 0) return sawDeferred ? this.onlyDeferred() : null;
        return parts.join(node.kind === 'and' ? ' ' : ' OR ');
      }
    }
  }

  private onlyDeferred(): Deferred {
    // An AND whose every part was deferred: the deferred filters carry it (pySigma drops the query).
    return { kind: 'regex', field: '', value: '', negated: false };
  }

  private group(node: LogicNode, simple: boolean): Part {
    const part = this.convert(node, simple);
    return typeof part === 'string' ? `(${part})` : part;
  }

  /** pySigma `decide_convert_condition_as_in_expression`: same field, strings or numbers. */
  private inList(args: readonly LogicNode[]): string | undefined {
    const first = args[0];
    if (first?.kind !== 'match' || first.field === null) return undefined;
    const values: string[] = [];
    for (const arg of args) {
      if (arg.kind !== 'match' || arg.field !== first.field) return undefined;
      if (arg.value.kind === 'string' && !arg.value.cased && !hasLiteralStar(arg.value.parts)) {
        values.push(splString(arg.value.parts));
      } else if (arg.value.kind === 'number') values.push(splNumber(arg.value.value));
      else return undefined;
    }
    return `${splField(first.field)} IN (${values.join(', ')})`;
  }

  private match(node: MatchNode, simple: boolean): Part {
    const { field, value } = node;
    if (field === null) {
      if (value.kind === 'string' && hasLiteralStar(value.parts)) {
        throw new SplUnsupportedError(
          'a keyword containing a literal * has no SPL form (SPL cannot escape *)',
        );
      }
      if (value.kind === 'string' && !value.cased) return splString(value.parts);
      if (value.kind === 'number') return splNumber(value.value);
      throw new SplUnsupportedError(
        `a ${value.kind} keyword (value without a field) has no SPL form`,
      );
    }
    const f = splField(field);
    switch (value.kind) {
      case 'string':
        if (value.cased) {
          throw new SplUnsupportedError(
            'case-sensitive matching (cased) is not supported by the Splunk backend',
          );
        }
        if (hasLiteralStar(value.parts)) {
          // SPL cannot escape `*` in search terms (Splunk Search Manual, "Backslashes"); pySigma
          // writes `\*` anyway, which Splunk reads as a wildcard. An anchored regex is exact.
          const regex: SigmaRegexValue = {
            kind: 're',
            pattern: globRegex(value.parts),
            flags: new Set(['i', 's']),
          };
          return simple
            ? this.defer('regex', field, splRegex(regex))
            : this.regexInOr(field, splRegex(regex));
        }
        return `${f}=${splString(value.parts)}`;
      case 'number':
        return `${f}=${splNumber(value.value)}`;
      case 'bool':
        return `${f}=${value.value ? 'true' : 'false'}`;
      case 'null':
        return `NOT ${f}=*`;
      case 'exists':
        return value.exists ? `${f}=*` : `NOT ${f}=*`;
      case 'cidr':
        return `${field}="${formatNetwork({ version: value.version, value: value.network, prefixLength: value.prefixLength })}"`;
      case 'compare':
        if (value.timePart) {
          throw new SplUnsupportedError(
            `the ${value.timePart} modifier is not supported by the Splunk backend`,
          );
        }
        return `${f}${COMPARE_TOKENS[value.op]}${splNumber(value.number)}`;
      case 'time-part':
        throw new SplUnsupportedError(
          `the ${value.part} modifier is not supported by the Splunk backend`,
        );
      case 're':
        return simple
          ? this.defer('regex', field, splRegex(value))
          : this.regexInOr(field, splRegex(value));
      case 'fieldref':
        if (value.startsWith || value.endsWith) {
          throw new SplUnsupportedError(
            'fieldref with contains/startswith/endswith is not supported by the Splunk backend',
          );
        }
        return simple
          ? this.defer('where', field, splField(value.field))
          : this.fieldrefInOr(field, value.field);
      case 'expansion':
        throw new Error('expansions are resolved before conversion');
    }
  }

  private defer(kind: Deferred['kind'], field: string, value: string): Deferred {
    const deferred: Deferred = { kind, field, value, negated: false };
    this.deferred.push(deferred);
    return deferred;
  }

  /**
   * pySigma refuses field references inside ORs; spelunk evaluates them before the search like
   * OR-ed regexes, case-insensitively as Sigma compares strings (docs/sigma.md).
   */
  private fieldrefInOr(field: string, other: string): string {
    const occurrence = (this.fieldrefCounts.get(field) ?? 0) + 1;
    this.fieldrefCounts.set(field, occurrence);
    const name = fieldrefName(field, occurrence);
    this.regexCommands.push(
      `eval ${name}=if(lower('${field}')==lower('${other}'), "true", "false")`,
    );
    this.regexConditionFields.add(name);
    return `${splField(name)}="true"`;
  }

  private regexInOr(field: string, regex: string): string {
    const occurrence = (this.regexCounts.get(field) ?? 0) + 1;
    this.regexCounts.set(field, occurrence);
    const names = regexNames(field, occurrence);
    this.regexCommands.push(
      `rex field=${field} "(?<${names.match}>${regex})"`,
      `eval ${names.condition}=if(isnotnull(${names.match}), "true", "false")`,
    );
    this.regexConditionFields.add(names.condition);
    return `${splField(names.condition)}="true"`;
  }
}

/** Names of the eval fields of OR-ed field references (spelunk's extension). */
function fieldrefName(field: string, occurrence: number): string {
  return `${field.replace(/.*\./, '')}Fieldref${occurrence === 1 ? '' : occurrence}`;
}

function hasLiteralStar(parts: SigmaStringParts): boolean {
  return parts.some((p) => typeof p === 'string' && p.includes('*'));
}

/** A Sigma glob as an anchored PCRE (wildcards `.*` / `.`, literals escaped). */
function globRegex(parts: SigmaStringParts): string {
  const body = parts
    .map((p) =>
      typeof p === 'string'
        ? p.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')
        : isWildcard(p)
          ? p.wildcard === '*'
            ? '.*'
            : '.'
          : '',
    )
    .join('');
  return `^${body}$`;
}

export function finalizeDeferred(d: Deferred): string | undefined {
  if (d.field === '') return undefined;
  return d.kind === 'regex'
    ? `regex ${d.field}${d.negated ? '!=' : '='}"${d.value}"`
    : `where ${d.negated ? 'NOT ' : ''}lower('${d.field}')=lower('${d.value}')`;
}
