// The calculated-field patterns the CIM data models repeat, as SPL eval expressions.

/** The value, or `unknown` when it is null or empty. */
export function orUnknown(field: string): string {
  return `if(isnull(${field}) OR ${field}="", "unknown", ${field})`;
}

/** As orUnknown, with `-` (web logs' "no value") counted as empty too. */
export function orUnknownOrDash(field: string): string {
  return `if(isnull(${field}) OR ${field}="" OR ${field}="-", "unknown", ${field})`;
}

/** The value when it is a number, else `fallback` (an expression: `0`, `null()`). */
export function numberOr(field: string, fallback: string): string {
  return `if(isnum(${field}), ${field}, ${fallback})`;
}

/** The value when it is set, else the first word of `source` (a command line), else `unknown`. */
export function firstWordOr(field: string, source: string): string {
  return `case(isnotnull(${field}) AND ${field}!="", ${field}, isnotnull(${source}) AND ${source}!="", replace(${source}, "^\\s*(\\S+).*", "\\1"), true(), "unknown")`;
}

/** The count when it is a number, else how many values `list` has, else 1. */
export function countOr(field: string, list: string): string {
  return `case(isnum(${field}), ${field}, isnotnull(${list}), mvcount(${list}), true(), 1)`;
}

/** `total` as given, else `a + b` when both are numbers. */
export function sumOr(total: string, a: string, b: string): string {
  return `case(isnum(${total}), ${total}, isnum(${a}) AND isnum(${b}), ${a} + ${b}, true(), null())`;
}

/** `part` as given, else `total - other` when both are numbers. */
export function differenceOr(part: string, total: string, other: string): string {
  return `case(isnum(${part}), ${part}, isnum(${total}) AND isnum(${other}), ${total} - ${other}, true(), null())`;
}

/** The value in lower case, or null when empty. */
export function lowerOrNull(field: string): string {
  return `if(isnotnull(${field}) AND ${field}!="", lower(${field}), null())`;
}

/** The host part of a URL (`https://user@host:8443/x` → `host`), null when it is not one. */
export function urlDomain(field: string): string {
  const pattern = '^(?:https?|ftp)://(?:[^/@]+@)?([^/:]+).*$';
  return `if(match(${field}, "${pattern}"), replace(${field}, "${pattern}", "\\1"), null())`;
}

/** The part of an address after its last `@`, null when there is none. */
export function emailDomain(field: string): string {
  return `if(match(${field}, "@.+$"), replace(${field}, "^.*@", ""), null())`;
}

/**
 * `vendor_product` as given; else `vendor product` from the two fields (`unknown` standing for a
 * missing one); else the sourcetype; else `unknown`.
 */
export const VENDOR_PRODUCT = `case(isnotnull(vendor_product), vendor_product, isnotnull(vendor) AND vendor!="unknown" AND isnotnull(product) AND product!="unknown", vendor." ".product, isnotnull(vendor) AND vendor!="unknown", vendor." unknown", isnotnull(product) AND product!="unknown", "unknown ".product, isnotnull(sourcetype), sourcetype, true(), "unknown")`;
