// Field-name patterns of table, fields, rename, convert: `*` matches any run of characters, case-sensitively.

export interface FieldPattern {
  readonly text: string;
  readonly wildcard: boolean;
  matches(field: string): boolean;
  /** The text each `*` stood for, or undefined when `field` does not match. */
  captures(field: string): string[] | undefined;
}

export function fieldPattern(text: string): FieldPattern {
  if (!text.includes('*')) {
    return {
      text,
      wildcard: false,
      matches: (field) => field === text,
      captures: (field) => (field === text ? [] : undefined),
    };
  }
  // Field names come from the input (JSON keys) and can be long: no backtracking regex. Each
  // `*` takes as little as it can (what `^(.*?)a(.*?)$` captures): the head is a prefix, the
  // tail a suffix, each middle piece at its leftmost place after the one before (more room
  // left can only help the pieces after it).
  const pieces = text.split('*');
  const head = pieces[0] as string;
  const tail = pieces[pieces.length - 1] as string;
  const middle = pieces.slice(1, -1);
  const captures = (field: string): string[] | undefined => {
    if (field.length < head.length + tail.length) return undefined;
    if (!field.startsWith(head) || !field.endsWith(tail)) return undefined;
    const end = field.length - tail.length;
    const out: string[] = [];
    let at = head.length;
    for (const piece of middle) {
      const found = field.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return undefined;
      out.push(field.slice(at, found));
      at = found + piece.length;
    }
    out.push(field.slice(at, end));
    return out;
  };
  return {
    text,
    wildcard: true,
    matches: (field) => captures(field) !== undefined,
    captures,
  };
}

/** Puts captured texts into the `*`s of `template` in order; extra `*`s get the empty text. */
export function fillPattern(template: string, captures: readonly string[]): string {
  let i = 0;
  return template.replace(/\*/g, () => captures[i++] ?? '');
}
