// The modifier registry: every modifier name of spec v2.1 and pySigma, one file per modifier.
import { allModifier } from './all.ts';
import { base64Modifier } from './base64.ts';
import { base64offsetModifier } from './base64offset.ts';
import { casedModifier } from './cased.ts';
import { cidrModifier } from './cidr.ts';
import { compareModifier } from './compare.ts';
import { containsModifier } from './contains.ts';
import { endswithModifier } from './endswith.ts';
import { existsModifier } from './exists.ts';
import { expandModifier } from './expand.ts';
import { fieldrefModifier } from './fieldref.ts';
import type { Modifier } from './modifier.ts';
import { neqModifier } from './neq.ts';
import { reModifier } from './re.ts';
import { regexFlagModifier } from './regex-flag.ts';
import { startswithModifier } from './startswith.ts';
import { timePartModifier } from './time-part.ts';
import { utf16Modifier } from './utf16.ts';
import { windashModifier } from './windash.ts';

export const MODIFIERS: Readonly<Record<string, Modifier>> = {
  all: allModifier,
  base64: base64Modifier,
  base64offset: base64offsetModifier,
  cased: casedModifier,
  cidr: cidrModifier,
  contains: containsModifier,
  day: timePartModifier('day'),
  dotall: regexFlagModifier('s'),
  endswith: endswithModifier,
  exists: existsModifier,
  expand: expandModifier,
  fieldref: fieldrefModifier,
  gt: compareModifier('gt'),
  gte: compareModifier('gte'),
  hour: timePartModifier('hour'),
  i: regexFlagModifier('i'),
  ignorecase: regexFlagModifier('i'),
  lt: compareModifier('lt'),
  lte: compareModifier('lte'),
  m: regexFlagModifier('m'),
  minute: timePartModifier('minute'),
  month: timePartModifier('month'),
  multiline: regexFlagModifier('m'),
  neq: neqModifier,
  re: reModifier,
  s: regexFlagModifier('s'),
  startswith: startswithModifier,
  utf16: utf16Modifier('le', true, 'utf16'),
  utf16be: utf16Modifier('be', false, 'utf16be'),
  utf16le: utf16Modifier('le', false, 'utf16le'),
  week: timePartModifier('week'),
  wide: utf16Modifier('le', false, 'wide'),
  windash: windashModifier,
  year: timePartModifier('year'),
};

export function lookupModifier(name: string): Modifier | undefined {
  return Object.hasOwn(MODIFIERS, name) ? MODIFIERS[name] : undefined;
}
