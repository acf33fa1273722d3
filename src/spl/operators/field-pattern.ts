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
  // Field names are short and written by the rule author, and the lazy groups below are anchored
  // between literal pieces, so this regex cannot backtrack badly on a field name.
  const source = text
    .split('*')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(.*?)');
  const regex = new RegExp(`^${source}$`, 's');
  return {
    text,
    wildcard: true,
    matches: (field) => regex.test(field),
    captures: (field) => {
      const m = regex.exec(field);
      return m ? m.slice(1) : undefined;
    },
  };
}

/** Puts captured texts into the `*`s of `template` in order; extra `*`s get the empty text. */
export function fillPattern(template: string, captures: readonly string[]): string {
  let i = 0;
  return template.replace(/\*/g, () => captures[i++] ?? '');
}
