// `utf16le`/`wide`, `utf16be`, `utf16`: re-encode the text so a later base64 sees UTF-16 bytes.
//
// pySigma encodes each literal part to UTF-16 and reads the bytes back as UTF-8, so the value
// holds NUL-interleaved text; texts whose UTF-16 bytes are not valid UTF-8 are refused, as there.
import type { StringPart } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import { ModifierError, type ValueModifier } from './modifier.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function encodeUtf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return bigEndian ? le.swap16() : le;
}

export function utf16Modifier(byteOrder: 'le' | 'be', bom: boolean, name: string): ValueModifier {
  return {
    scope: 'value',
    accepts: ['string'],
    apply(value: SigmaValue): SigmaValue {
      if (value.kind !== 'string') return value;
      const parts: StringPart[] = bom ? ['\ufeff'] : [];
      for (const part of value.parts) {
        if (typeof part !== 'string') {
          parts.push(part);
          continue;
        }
        try {
          parts.push(UTF8.decode(encodeUtf16(part, byteOrder === 'be')));
        } catch {
          throw new ModifierError(
            'badValue',
            `the ${name} modifier needs text whose UTF-16 bytes are valid UTF-8 (plain ASCII); ${JSON.stringify(part)} is not`,
          );
        }
      }
      return { ...value, parts };
    },
  };
}
