// printf(format, args...): C-style formatting (%s %d %i %u %f %F %e %E %g %G %x %X %o %c %%),
// with flags (- + space 0 #), width and precision, `*` taking them from the arguments.

import type { Scalar } from '../../../core/index.ts';
import { type EvalValue, firstScalar } from '../../value/eval-value.ts';
import { scalarToNumber, scalarToString } from '../../value/number.ts';
import { capText } from '../../value/value-limits.ts';
import { defineValueFunction } from './define.ts';

const SPEC = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?([sdiufFeEgGxXoc%])/g;

function padTo(text: string, width: number, left: boolean, zero: boolean): string {
  if (text.length >= width) return text;
  if (left) return text.padEnd(width, ' ');
  if (zero) {
    const sign = /^[+\- ]/.test(text) ? (text[0] as string) : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width, ' ');
}

function formatOne(
  conversion: string,
  flags: string,
  precision: number | undefined,
  arg: Scalar | undefined,
): string {
  if (conversion === 's') {
    const text = arg === undefined ? '' : scalarToString(arg);
    return precision === undefined ? text : text.slice(0, precision);
  }
  if (conversion === 'c') return arg === undefined ? '' : scalarToString(arg).slice(0, 1);
  const n = scalarToNumber(arg) ?? 0;
  const sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const abs = Math.abs(n);
  let body: string;
  switch (conversion) {
    case 'd':
    case 'i':
    case 'u':
      body = String(Math.trunc(abs));
      break;
    case 'f':
    case 'F':
      body = abs.toFixed(precision ?? 6);
      break;
    case 'e':
    case 'E':
      body = abs.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      if (conversion === 'E') body = body.toUpperCase();
      break;
    case 'g':
    case 'G':
      body = String(Number(abs.toPrecision(precision === 0 ? 1 : (precision ?? 6))));
      if (conversion === 'G') body = body.toUpperCase();
      break;
    case 'x':
    case 'X':
      body = (flags.includes('#') && abs !== 0 ? '0x' : '') + Math.trunc(abs).toString(16);
      if (conversion === 'X') body = body.toUpperCase();
      break;
    default:
      body = (flags.includes('#') ? '0' : '') + Math.trunc(abs).toString(8);
  }
  return sign + body;
}

export function printf(format: string, args: readonly EvalValue[]): string {
  let next = 0;
  const take = () => firstScalar(args[next++]);
  return format.replace(
    SPEC,
    (_all, flags: string, w: string | undefined, p: string | undefined, conversion: string) => {
      if (conversion === '%') return '%';
      let width = w === '*' ? (scalarToNumber(take()) ?? 0) : w === undefined ? 0 : Number(w);
      const precision =
        p === '*' ? scalarToNumber(take()) : p === undefined ? undefined : Number(p);
      let left = flags.includes('-');
      if (width < 0) {
        left = true;
        width = -width;
      }
      const text = formatOne(conversion, flags, precision, take());
      return padTo(text, Math.min(width, 10_000), left, flags.includes('0') && conversion !== 's');
    },
  );
}

export const printfFunction = defineValueFunction({
  name: 'printf',
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  returns: 'string',
  summary: 'printf(format, args...): C-style formatted text',
  apply: ([format, ...rest]) => {
    const f = firstScalar(format);
    return f === undefined ? undefined : capText(printf(scalarToString(f), rest));
  },
});
