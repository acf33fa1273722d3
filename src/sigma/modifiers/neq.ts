// `neq` (spec v2.1): the whole item is negated, as pySigma's SigmaNegateModifier does.
import type { ListModifier } from './modifier.ts';

export const neqModifier: ListModifier = { scope: 'list', effect: 'negate' };
