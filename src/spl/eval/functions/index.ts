// The eval function registry: every function eval/where can call, looked up case-insensitively.
import type { EvalFunctionSpec } from '../eval-types.ts';
import { clockFunctions } from './clock.ts';
import {
  caseFunction,
  coalesceFunction,
  falseFunction,
  ifFunction,
  nullFunction,
  nullifFunction,
  trueFunction,
  validateFunction,
} from './conditional.ts';
import { tonumberFunction, tostringFunction } from './conversion.ts';
import { md5Function, sha1Function, sha256Function, sha512Function } from './hash.ts';
import {
  absFunction,
  ceilFunction,
  ceilingFunction,
  exactFunction,
  expFunction,
  floorFunction,
  lnFunction,
  logFunction,
  piFunction,
  powFunction,
  randomFunction,
  roundFunction,
  sqrtFunction,
} from './math.ts';
import { inFunction, likeFunction } from './membership.ts';
import { maxFunction, minFunction } from './min-max.ts';
import {
  mvappendFunction,
  mvcountFunction,
  mvdedupFunction,
  mvindexFunction,
  mvjoinFunction,
  mvrangeFunction,
  mvsortFunction,
  mvzipFunction,
  splitFunction,
} from './multivalue.ts';
import { mvfilterFunction, mvfindFunction, mvmapFunction } from './multivalue-iteration.ts';
import { cidrmatchFunction } from './network.ts';
import {
  isboolFunction,
  isintFunction,
  isnotnullFunction,
  isnullFunction,
  isnumFunction,
  isstrFunction,
  typeofFunction,
} from './predicates.ts';
import { printfFunction } from './printf.ts';
import { matchFunction, replaceFunction } from './regex-functions.ts';
import { searchmatchFunction } from './searchmatch.ts';
import {
  lenFunction,
  lowerFunction,
  ltrimFunction,
  rtrimFunction,
  substrFunction,
  trimFunctionSpec,
  upperFunction,
  urldecodeFunction,
} from './string.ts';
import { relativeTimeFunction, strftimeFunction, strptimeFunction } from './time-functions.ts';

/** Every eval function, by lower-case name. */
const EVAL_FUNCTIONS: ReadonlyMap<string, EvalFunctionSpec> = new Map(
  [
    ifFunction,
    caseFunction,
    validateFunction,
    coalesceFunction,
    nullifFunction,
    nullFunction,
    trueFunction,
    falseFunction,
    isnullFunction,
    isnotnullFunction,
    isnumFunction,
    isintFunction,
    isstrFunction,
    isboolFunction,
    typeofFunction,
    lowerFunction,
    upperFunction,
    lenFunction,
    substrFunction,
    trimFunctionSpec,
    ltrimFunction,
    rtrimFunction,
    urldecodeFunction,
    matchFunction,
    replaceFunction,
    likeFunction,
    inFunction,
    tonumberFunction,
    tostringFunction,
    absFunction,
    ceilFunction,
    ceilingFunction,
    floorFunction,
    roundFunction,
    sqrtFunction,
    powFunction,
    expFunction,
    lnFunction,
    logFunction,
    piFunction,
    exactFunction,
    randomFunction,
    minFunction,
    maxFunction,
    ...clockFunctions,
    strftimeFunction,
    strptimeFunction,
    relativeTimeFunction,
    printfFunction,
    searchmatchFunction,
    cidrmatchFunction,
    mvcountFunction,
    mvindexFunction,
    mvjoinFunction,
    mvappendFunction,
    mvdedupFunction,
    mvsortFunction,
    mvzipFunction,
    mvrangeFunction,
    splitFunction,
    mvfilterFunction,
    mvmapFunction,
    mvfindFunction,
    md5Function,
    sha1Function,
    sha256Function,
    sha512Function,
  ].map((spec) => [spec.name, spec]),
);

/** The function called `name` (any case: ESCU writes LIKE(, CASE(, ISNOTNULL(), if any. */
export function lookupFunction(name: string): EvalFunctionSpec | undefined {
  return EVAL_FUNCTIONS.get(name.toLowerCase());
}
