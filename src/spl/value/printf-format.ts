// C-style formatting for printf(): the conversions and flags of the Search Reference ("Conversion
// functions", printf), with C's rules where the page defers to sprintf().
import type { Scalar } from '../../core/index.ts';
import { roundedExponent, toExponentialEven, toFixedEven } from './exact-decimal.ts';
import { formatHexFloat } from './hex-float.ts';
import { scalarToNumber, scalarToString } from './number.ts';

/** One conversion specification: `%[flags][width][.precision]<conversion>`. */
export interface PrintfSpec {
  readonly flags: string;
  /** A number, `*` (from the arguments) or absent. */
  readonly width: number | '*' | undefined;
  readonly precision: number | '*' | undefined;
  readonly conversion: string;
}

/** The pieces of a format: literal text and specifications, in order. */
export type PrintfPiece = string | PrintfSpec;

/** Conversions the page lists; `%z` is `%s`, `%i` is `%d`, `%p` is `%X`. */
const CONVERSIONS = 'aAcdieEfFgGosuxXpz';

/** Conversions the page says are not supported (and C's `%n`, `%<num>$`). */
export const UNSUPPORTED_CONVERSIONS = 'CnS';

const SPEC = /%(?:(\d+)\$)?([-+ 0#']*)(\*|\d+)?(?:\.(\*|\d*))?(.?)/y;

/** Splits a format, or says which specification is not supported (and where it starts). */
export function parsePrintfFormat(
  format: string,
):
  | { readonly pieces: readonly PrintfPiece[] }
  | { readonly unsupported: string; readonly at: number } {
  const pieces: PrintfPiece[] = [];
  let literal = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch !== '%') {
      literal += ch;
      continue;
    }
    if (format[i + 1] === '%') {
      literal += '%';
      i++;
      continue;
    }
    SPEC.lastIndex = i;
    const m = SPEC.exec(format) as RegExpExecArray;
    const conversion = m[5] as string;
    if (m[1] !== undefined) return { unsupported: m[0], at: i };
    if (!CONVERSIONS.includes(conversion) || conversion === '') {
      if (UNSUPPORTED_CONVERSIONS.includes(conversion) && conversion !== '') {
        return { unsupported: m[0], at: i };
      }
      literal += m[0]; // not a conversion at all: C prints it as written
      i += m[0].length - 1;
      continue;
    }
    if (literal !== '') pieces.push(literal);
    literal = '';
    pieces.push({
      flags: m[2] as string,
      width: m[3] === undefined ? undefined : m[3] === '*' ? '*' : Number(m[3]),
      precision: m[4] === undefined ? undefined : m[4] === '*' ? '*' : Number(m[4] || '0'),
      conversion,
    });
    i += m[0].length - 1;
  }
  if (literal !== '') pieces.push(literal);
  return { pieces };
}

/** Widths and precisions beyond this are clamped: a format cannot ask for a gigabyte of spaces. */
const MAX_WIDTH = 10_000;

/** Formats `args` with parsed pieces; arguments run out as empty strings and zeros. */
export function formatPrintf(
  pieces: readonly PrintfPiece[],
  args: readonly (Scalar | undefined)[],
): string {
  let next = 0;
  const take = (): Scalar | undefined => args[next++];
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    let left = piece.flags.includes('-');
    let width = piece.width === '*' ? Math.trunc(scalarToNumber(take()) ?? 0) : (piece.width ?? 0);
    if (width < 0) {
      left = true;
      width = -width;
    }
    let precision =
      piece.precision === '*' ? Math.trunc(scalarToNumber(take()) ?? 0) : piece.precision;
    if (precision !== undefined && precision < 0) precision = undefined; // C: as if omitted
    if (precision !== undefined) precision = Math.min(precision, MAX_WIDTH);
    const body = convert(piece, precision, take());
    out += pad(body, Math.min(width, MAX_WIDTH), left, piece);
  }
  return out;
}

function pad(body: Body, width: number, left: boolean, spec: PrintfSpec): string {
  const length = [...body.prefix].length + [...body.digits].length;
  if (length >= width) return body.prefix + body.digits;
  const fill = width - length;
  if (left) return body.prefix + body.digits + ' '.repeat(fill);
  if (body.zeroPad && spec.flags.includes('0')) return body.prefix + '0'.repeat(fill) + body.digits;
  return ' '.repeat(fill) + body.prefix + body.digits;
}

/** A converted value: sign and radix prefix apart, so zero padding goes between them and the digits. */
interface Body {
  readonly prefix: string;
  readonly digits: string;
  /** Numbers pad with zeros under the `0` flag (not strings, characters, or ints given a precision). */
  readonly zeroPad: boolean;
}

const text = (digits: string): Body => ({ prefix: '', digits, zeroPad: false });

function convert(spec: PrintfSpec, precision: number | undefined, arg: Scalar | undefined): Body {
  const { flags, conversion } = spec;
  switch (conversion) {
    case 's':
    case 'z': {
      const value = arg === undefined ? '' : scalarToString(arg);
      return text(precision === undefined ? value : [...value].slice(0, precision).join(''));
    }
    case 'c':
      return text(character(arg));
    default:
      break;
  }
  const n = scalarToNumber(arg) ?? 0;
  if ('diouxXp'.includes(conversion)) return integer(conversion, flags, precision, n);
  return floating(conversion, flags, precision, n);
}

/** `%c`: a number is a code point ("printf("%c",65)" is A); text gives its first character. */
function character(arg: Scalar | undefined): string {
  if (arg === undefined) return '';
  if (typeof arg === 'number') {
    const code = Math.trunc(arg);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  const first = arg.codePointAt(0);
  return first === undefined ? '' : String.fromCodePoint(first);
}

function sign(negative: boolean, flags: string): string {
  return negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}

function integer(
  conversion: string,
  flags: string,
  precision: number | undefined,
  n: number,
): Body {
  const whole = Number.isFinite(n) ? BigInt(Math.trunc(n)) : 0n;
  let digits: string;
  let prefix = '';
  if (conversion === 'd' || conversion === 'i') {
    digits = (whole < 0n ? -whole : whole).toString();
    prefix = sign(whole < 0n, flags);
  } else {
    // Unsigned conversions see a negative value as C does, as its 64-bit two's complement.
    const unsigned = BigInt.asUintN(64, whole);
    const radix = conversion === 'o' ? 8 : conversion === 'u' ? 10 : 16;
    digits = unsigned.toString(radix);
    if (conversion === 'X' || conversion === 'p') digits = digits.toUpperCase();
    if (flags.includes('#') && unsigned !== 0n && radix === 16) {
      prefix = conversion === 'x' ? '0x' : '0X';
    }
  }
  if (precision !== undefined) {
    digits = whole === 0n && precision === 0 ? '' : digits.padStart(precision, '0');
  }
  if (conversion === 'o' && flags.includes('#') && !digits.startsWith('0')) digits = `0${digits}`;
  if (flags.includes("'") && (conversion === 'd' || conversion === 'i' || conversion === 'u')) {
    digits = group(digits);
  }
  return { prefix, digits, zeroPad: precision === undefined };
}

/** Thousands separators, as the `'` flag adds them ("printf("%'d",12345)" is 12,345). */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function floating(
  conversion: string,
  flags: string,
  precision: number | undefined,
  n: number,
): Body {
  const upper = conversion === conversion.toUpperCase();
  const prefix = sign(n < 0 || Object.is(n, -0), flags);
  if (!Number.isFinite(n)) {
    const word = Number.isNaN(n) ? 'nan' : 'inf';
    return {
      prefix: Number.isNaN(n) ? '' : prefix,
      digits: upper ? word.toUpperCase() : word,
      zeroPad: false,
    };
  }
  const abs = Math.abs(n);
  const alternate = flags.includes('#');
  let digits: string;
  switch (conversion.toLowerCase()) {
    case 'f':
      digits = withPoint(toFixedEven(abs, precision ?? 6), alternate);
      if (flags.includes("'")) digits = groupWhole(digits);
      break;
    case 'e':
      digits = exponential(abs, precision ?? 6, alternate);
      break;
    case 'g':
      digits = general(abs, precision, alternate);
      if (flags.includes("'")) digits = groupWhole(digits);
      break;
    default:
      digits = formatHexFloat(abs, precision, alternate);
  }
  return { prefix, digits: upper ? digits.toUpperCase() : digits, zeroPad: true };
}

function withPoint(digits: string, alternate: boolean): string {
  return alternate && !digits.includes('.') ? `${digits}.` : digits;
}

/** Groups the digits before the point (or exponent) only. */
function groupWhole(digits: string): string {
  const cut = digits.search(/[.e]/);
  const whole = cut < 0 ? digits : digits.slice(0, cut);
  return group(whole) + digits.slice(whole.length);
}

/** `%e`: one digit, the fraction, and an exponent of at least two digits. */
function exponential(abs: number, precision: number, alternate: boolean): string {
  const { mantissa, exponent: e } = toExponentialEven(abs, precision);
  const expText = `${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return `${withPoint(mantissa, alternate)}e${expText}`;
}

/** `%g`: %e when the exponent is below -4 or at least the precision, else %f; trailing zeros go. */
function general(abs: number, precision: number | undefined, alternate: boolean): string {
  const p = precision === undefined ? 6 : precision === 0 ? 1 : precision;
  const x = roundedExponent(abs, p);
  const body =
    x < -4 || x >= p
      ? exponential(abs, p - 1, alternate)
      : withPoint(toFixedEven(abs, p - 1 - x), alternate);
  if (alternate) return body;
  return body.replace(/\.?0+(?=e|$)/, (m) => (m.startsWith('.') || body.includes('.') ? '' : m));
}
