// Conversion functions: tonumber(X[, base]) and tostring(X[, "hex"|"commas"|"duration"]).
import { type EvalValue, firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber, scalarToString } from '../../value/number.ts';
import { EvalCode } from '../eval-codes.ts';
import type { EvalFunctionSpec } from '../eval-types.ts';
import { evaluateArgsThen } from './define.ts';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Parses an integer in `base` (2..36); a `0x` prefix is allowed in base 16. */
export function parseInBase(text: string, base: number): number | undefined {
  let body = text.trim().toLowerCase();
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body.startsWith('-') ? -1 : 1;
    body = body.slice(1);
  }
  if (base === 16 && body.startsWith('0x')) body = body.slice(2);
  if (body.length === 0) return undefined;
  let value = 0;
  for (const ch of body) {
    const digit = DIGITS.indexOf(ch);
    if (digit < 0 || digit >= base) return undefined;
    value = value * base + digit;
  }
  return sign * value;
}

/**
 * tonumber(X[, base]): the number X spells, or null. Base 10 takes decimals ("7.5", "1e3");
 * other bases take integers (tonumber("0A4", 16) is 164, Search Reference, Conversion functions).
 */
function tonumber(x: EvalValue, b: EvalValue): number | undefined {
  const v = firstScalar(x);
  if (v === undefined) return undefined;
  const base = b === undefined ? 10 : scalarToNumber(firstScalar(b));
  if (base === undefined || !Number.isInteger(base) || base < 2 || base > 36) return undefined;
  if (typeof v === 'number') return v;
  if (base === 10) return scalarToNumber(v.trim());
  return parseInBase(v, base);
}

/** A quoted string that is no number is an error ("tonumber("seven")" fails); a field gives null. */
export const tonumberFunction: EvalFunctionSpec = {
  name: 'tonumber',
  minArgs: 1,
  maxArgs: 2,
  returns: 'number',
  pure: true,
  summary: 'tonumber(X[, base]): X as a number (base 2..36, default 10), or null',
  compile: (site) => {
    const [text, base] = site.args;
    if (text?.expr.kind === 'String' && (base === undefined || base.constant)) {
      if (tonumber(text.expr.value, base?.constant?.value) === undefined) {
        site.fail(
          EvalCode.badArgument,
          `tonumber(): "${text.expr.value}" is not a number${base ? ' in that base' : ''}`,
          text.expr.span,
        );
      }
    }
    return evaluateArgsThen(site, ([x, b]) => tonumber(x, b));
  },
};

/** 1234567.891 → "1,234,567.89": commas and at most two decimals ("commas" option). */
function formatCommas(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const [whole, fraction] = Math.abs(rounded).toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/** Seconds as [D+]HH:MM:SS ("duration" option: tostring(615, "duration") is "00:10:15"). */
function formatDuration(seconds: number): string {
  const negative = seconds < 0;
  let rest = Math.floor(Math.abs(seconds));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hh = String(Math.floor(rest / 3600)).padStart(2, '0');
  const mm = String(Math.floor((rest % 3600) / 60)).padStart(2, '0');
  const ss = String(rest % 60).padStart(2, '0');
  return `${negative ? '-' : ''}${days > 0 ? `${days}+` : ''}${hh}:${mm}:${ss}`;
}

type StringFormat = 'hex' | 'commas' | 'duration' | 'binary';
const FORMATS: readonly StringFormat[] = ['hex', 'commas', 'duration', 'binary'];

function tostring(
  value: ReturnType<typeof firstScalar> | boolean,
  format: StringFormat | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  // Booleans print as True/False (Search Reference, tostring: "tostring(1==1)" gives "True").
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (format === undefined) return scalarToString(value);
  const n = scalarToNumber(value);
  if (n === undefined) return scalarToString(value);
  switch (format) {
    case 'hex':
      return `${n < 0 ? '-' : ''}0x${Math.trunc(Math.abs(n)).toString(16).toUpperCase()}`;
    case 'commas':
      return formatCommas(n);
    case 'duration':
      return formatDuration(n);
    case 'binary':
      // "Only integers in the range of 0 to 2^53-1 are accepted"; others have no binary text.
      return Number.isSafeInteger(n) && n >= 0 ? n.toString(2) : undefined;
  }
}

export const tostringFunction: EvalFunctionSpec = {
  name: 'tostring',
  minArgs: 1,
  maxArgs: 2,
  returns: 'string',
  pure: true,
  summary: 'tostring(X[, "hex"|"commas"|"duration"|"binary"]): X as text',
  compile: (site) => {
    const formatArg = site.args[1];
    let format: StringFormat | undefined;
    if (formatArg) {
      const value = formatArg.constant?.value;
      const name = typeof value === 'string' ? value.toLowerCase() : '';
      const known = FORMATS.find((f) => f === name);
      if (known === undefined) {
        return site.fail(
          EvalCode.badArgument,
          'tostring() format must be the literal "hex", "commas", "duration" or "binary"',
          formatArg.expr.span,
        );
      }
      format = known;
    }
    const only = site.args.slice(0, 1);
    return evaluateArgsThen({ ...site, args: only }, ([x]) => {
      if (x !== undefined && typeof x === 'object')
        return x.map((v) => tostring(v, format) as string);
      return tostring(x === undefined || typeof x === 'boolean' ? x : x, format);
    });
  },
};
