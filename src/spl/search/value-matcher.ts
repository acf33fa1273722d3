// One search value (`7`, `"*\\code.exe"`, `10.0.0.0/8`, CASE(x)) compiled to a test on field text.
import type { SearchComparator, SearchValue } from '../ast/search.ts';
import { compareText } from '../value/compare.ts';
import { cidrContains, parseCidr, parseIp } from '../value/ip-address.ts';
import { parseNumber } from '../value/number.ts';
import { compileWildcard, SEARCH_WILDCARD, type TextMatcher } from './wildcard-pattern.ts';

/** How a value test reads the field: lower-cased text (most tests) or the text as it is. */
export interface ValueTest {
  readonly lowered: boolean;
  readonly test: TextMatcher;
}

/**
 * `field=value`: a case-insensitive wildcard match of the text (Search Reference, search:
 * "field values are not case sensitive"), case-sensitive under CASE(). A CIDR value such as
 * `10.0.0.0/8` matches the addresses in the block ("The search command supports IPv4 and IPv6
 * addresses and subnets that use CIDR notation"). Equality is textual, never numeric: Splunk
 * finds `EventCode=7` through the indexed term "7", so "07" and "7.0" do not match it.
 */
export function compileEquality(value: SearchValue): ValueTest {
  const cidr =
    value.text.includes('/') && !value.text.includes('*') ? parseCidr(value.text) : undefined;
  if (cidr && value.text.includes('/')) {
    const pattern = value.text.toLowerCase();
    return {
      lowered: true,
      test: (text) => {
        if (text === pattern) return true;
        const address = parseIp(text);
        return address !== undefined && cidrContains(cidr, address);
      },
    };
  }
  if (value.caseSensitive)
    return { lowered: false, test: compileWildcard(value.text, SEARCH_WILDCARD) };
  return { lowered: true, test: compileWildcard(value.text.toLowerCase(), SEARCH_WILDCARD) };
}

/**
 * `< <= > >=`: numeric when both the value and the field are numbers; a non-numeric value
 * compares as text; a numeric value never matches non-numeric field text.
 */
export function compileOrdering(
  op: Exclude<SearchComparator, '=' | '!='>,
  value: SearchValue,
): ValueTest {
  const bound = parseNumber(value.text);
  const holds = (order: number) =>
    op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
  if (bound !== undefined) {
    return {
      lowered: false,
      test: (text) => {
        const n = parseNumber(text);
        return n !== undefined && holds(n < bound ? -1 : n > bound ? 1 : 0);
      },
    };
  }
  return { lowered: false, test: (text) => holds(compareText(text, value.text)) };
}
