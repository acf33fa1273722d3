// The eval function registry: every function eval/where can call, looked up case-insensitively.
import type { EvalFunctionSpec } from '../eval-types.ts';
import { bitwiseFunctions } from './bitwise.ts';
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
import { conversionTypeFunctions } from './conversion-types.ts';
import { md5Function, sha1Function, sha256Function, sha512Function } from './hash.ts';
import { jsonBuildFunctions } from './json/json-build.ts';
import { jsonConvertFunctions } from './json/json-convert.ts';
import { jsonExtractFunctions } from './json/json-extract.ts';
import { jsonUpdateFunctions } from './json/json-update.ts';
import { lookupFunction as lookupEvalFunction } from './lookup-function.ts';
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
  mvsortFunction,
  mvzipFunction,
  splitFunction,
} from './multivalue.ts';
import { mvfilterFunction, mvfindFunction, mvmapFunction } from './multivalue-iteration.ts';
import { multivalueMoreFunctions } from './multivalue-more.ts';
import { cidrmatchFunction, ipmaskFunction } from './network.ts';
import {
  isboolFunction,
  isdoubleFunction,
  isintFunction,
  ismvFunction,
  isnotnullFunction,
  isnullFunction,
  isnumFunction,
  isstrFunction,
  typeofFunction,
} from './predicates.ts';
import { printfFunction } from './printf.ts';
import { matchFunction, replaceFunction } from './regex-functions.ts';
import { searchmatchFunction } from './searchmatch.ts';
import { sigfigFunction } from './sigfig.ts';
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
import { avgFunction, sumFunction } from './sum-avg.ts';
import { lengthFunction, spathFunction } from './text-more.ts';
import { relativeTimeFunction, strftimeFunction, strptimeFunction } from './time-functions.ts';
import { trigFunctions } from './trig.ts';

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
    isdoubleFunction,
    ismvFunction,
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
    splitFunction,
    mvfilterFunction,
    mvmapFunction,
    mvfindFunction,
    md5Function,
    sha1Function,
    sha256Function,
    sha512Function,
    ipmaskFunction,
    lookupEvalFunction,
    sigfigFunction,
    avgFunction,
    sumFunction,
    lengthFunction,
    spathFunction,
    ...trigFunctions,
    ...bitwiseFunctions,
    ...conversionTypeFunctions,
    ...multivalueMoreFunctions,
    ...jsonBuildFunctions,
    ...jsonExtractFunctions,
    ...jsonUpdateFunctions,
    ...jsonConvertFunctions,
  ].map((spec) => [spec.name, spec]),
);

/** The function called `name` (any case: ESCU writes LIKE(, CASE(, ISNOTNULL(), if any. */
export function lookupFunction(name: string): EvalFunctionSpec | undefined {
  return EVAL_FUNCTIONS.get(name.toLowerCase());
}
