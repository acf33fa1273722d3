// `all`: the item's values are ANDed instead of ORed.
import type { ListModifier } from './modifier.ts';

export const allModifier: ListModifier = { scope: 'list', effect: 'all' };
