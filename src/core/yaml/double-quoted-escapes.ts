// The escapes of YAML double-quoted scalars with one character after the backslash (YAML 1.2
// §5.7), as the characters they stand for; `\x`, `\u` and `\U` take hex digits instead.
export const YAML_DOUBLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
