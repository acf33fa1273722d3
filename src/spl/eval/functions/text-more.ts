// length(X), len's other name, and spath(value, path) (Search Reference, "Text functions").
import { multivalue } from '../../../core/index.ts';
import { firstScalar } from '../../value/eval-value.ts';
import { scalarToString } from '../../value/number.ts';
import { flattenDocument, spathSelect } from '../../value/spath-extract.ts';
import type { EvalFunctionSpec } from '../eval-types.ts';
import { defineValueFunction } from './define.ts';
import { lenFunction } from './string.ts';

/** "you can use either len or length for the function name". */
export const lengthFunction: EvalFunctionSpec = { ...lenFunction, name: 'length' };

/** spath(value, path): the values at the path of a JSON or XML text, as the spath command finds them. */
export const spathFunction = defineValueFunction({
  name: 'spath',
  minArgs: 2,
  maxArgs: 2,
  returns: 'any',
  summary: 'spath(X, path): the values at a JSON or XML path of X (a.b{}.c)',
  apply: ([x, p]) => {
    const text = firstScalar(x);
    const path = firstScalar(p);
    if (text === undefined || path === undefined) return undefined;
    const leaves = flattenDocument(scalarToString(text));
    return leaves === undefined ? undefined : multivalue(spathSelect(leaves, scalarToString(path)));
  },
});
