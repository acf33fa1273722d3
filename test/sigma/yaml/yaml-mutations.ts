// Seeded random edits of a YAML text (the pieces YAML is made of, inserted or deleted), for
// comparing the fast YAML reader with the yaml package path on texts near the subset's edges.

const PIECES = [
  ' ',
  '  ',
  '#',
  ' #',
  ':',
  ': ',
  '-',
  '- ',
  "'",
  '"',
  '\n',
  '\n  ',
  '\n    ',
  '\n# c\n',
  '|',
  '>',
  '\\',
  '---\n',
  '\n\n',
  'x',
  '0',
  '~',
  '&a',
  '*a',
  '[',
  '{',
  '\n      # d\n',
  '?',
  '!',
  '%',
  '@',
  '\t',
  '\r\n',
];

/** A generator of `count` edited copies of `texts`, the same for the same seed. */
export function* mutations(texts: readonly string[], count: number, seed = 1): Generator<string> {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  for (let n = 0; n < count; n++) {
    let text = texts[Math.floor(random() * texts.length)] ?? '';
    const edits = 1 + Math.floor(random() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * text.length);
      text =
        random() < 0.6
          ? text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at)
          : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
    }
    yield text;
  }
}
