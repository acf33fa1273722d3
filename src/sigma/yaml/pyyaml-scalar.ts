// Resolves plain YAML scalars exactly as PyYAML's YAML 1.1 resolver does (what SigmaHQ tooling uses).
//
// Written by hand because the `yaml` package's 1.1 schema differs from PyYAML: it reads
// `00000429` as 429 (PyYAML: the string, an invalid octal), `y`/`n` as booleans and `1e3` as a
// number (PyYAML: strings). Patterns follow PyYAML `resolver.py`; values its `SafeConstructor`.
import type { YamlScalarValue } from './yaml-node.ts';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

/** PyYAML tries resolvers by the first character, in registration order. */
export function resolvePlainScalar(text: string): YamlScalarValue {
  const first = text.charAt(0);
  if ('yYnNtTfFoO'.includes(first) && first !== '' && BOOL.test(text)) {
    return /^(?:yes|true|on)$/i.test(text);
  }
  if (first !== '' && '-+0123456789.'.includes(first) && FLOAT.test(text)) return toFloat(text);
  if (first !== '' && '-+0123456789'.includes(first) && INT.test(text)) return toInt(text);
  if (('~nN'.includes(first) || text === '') && NULL.test(text)) return null;
  if (first !== '' && '0123456789'.includes(first) && TIMESTAMP.test(text)) {
    return { timestamp: text };
  }
  return text;
}

function sexagesimal(digits: string): number {
  let value = 0;
  for (const part of digits.split(':')) value = value * 60 + Number(part);
  return value;
}

function toInt(text: string): number {
  let s = text.replaceAll('_', '');
  let sign = 1;
  if (s.startsWith('-')) sign = -1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (s === '0') return 0;
  if (s.startsWith('0b')) return sign * Number.parseInt(s.slice(2), 2);
  if (s.startsWith('0x')) return sign * Number.parseInt(s.slice(2), 16);
  if (s.startsWith('0')) return sign * Number.parseInt(s, 8);
  if (s.includes(':')) return sign * sexagesimal(s);
  return sign * Number(s);
}

function toFloat(text: string): number {
  let s = text.replaceAll('_', '').toLowerCase();
  let sign = 1;
  if (s.startsWith('-')) sign = -1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (s === '.inf') return sign * Number.POSITIVE_INFINITY;
  if (s === '.nan') return Number.NaN;
  if (s.includes(':')) {
    const [whole = '', fraction = ''] = s.split('.');
    return sign * (sexagesimal(whole) + Number(`0.${fraction || '0'}`));
  }
  return sign * Number(s);
}
