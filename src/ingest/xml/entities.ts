// XML entity and character references in text and attribute values (XML 1.0 §4.1, §4.6).

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** The longest reference we accept between `&` and `;` (`#x10FFFF` is 8). */
const MAX_REFERENCE = 10;

/**
 * Replaces `&lt;`-style entities and `&#NN;`/`&#xHH;` references. Returns the offset (within
 * `raw`) of the first reference that is not one of those: an undeclared entity (documents with a
 * DTD are refused before this), an unterminated one, or a code point past U+10FFFF.
 */
export function decodeXmlReferences(raw: string): string | number {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp - 1 > MAX_REFERENCE) return amp;
    const name = raw.slice(amp + 1, semi);
    const replacement =
      name.charCodeAt(0) === 35
        ? characterReference(name)
        : Object.hasOwn(PREDEFINED, name)
          ? PREDEFINED[name]
          : undefined;
    if (replacement === undefined) return amp;
    out += raw.slice(last, amp) + replacement;
    last = semi + 1;
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}

const DECIMAL = /^#[0-9]{1,7}$/;
const HEX = /^#x[0-9a-fA-F]{1,6}$/;

function characterReference(name: string): string | undefined {
  let codePoint: number;
  if (DECIMAL.test(name)) codePoint = Number(name.slice(1));
  else if (HEX.test(name)) codePoint = Number.parseInt(name.slice(2), 16);
  else return undefined;
  // Lone surrogates and C0 controls are kept: Windows renderers (python-evtx, libevtx) emit them
  // for values that hold them, and refusing the record would lose the event.
  return codePoint > 0x10ffff ? undefined : String.fromCodePoint(codePoint);
}
