// The Binary value type: upper-case hex, as Windows renders <Binary> and binary Data.
import { HEX_UPPER } from './digits.ts';
import type { ValueFormat } from './value-format.ts';

function hexText(b: Uint8Array, s: number, e: number): string {
  let text = '';
  for (let i = s; i < e; i++) text += HEX_UPPER[b[i] as number];
  return text;
}

export const binary: ValueFormat = {
  name: 'Binary',
  itemSize: 0,
  text: (b, _v, s, e) => hexText(b, s, e),
};
