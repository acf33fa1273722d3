// AST nodes made from one argument token: a field name, a literal text.
import type { FieldName, TextArgument } from '../ast/common.ts';
import type { Token } from '../lexer/token.ts';

export function fieldName(token: Token): FieldName {
  return {
    kind: 'FieldName',
    name: token.value,
    quoting: token.quoted ? 'double' : 'none',
    span: token.span,
  };
}

export function textArgument(token: Token): TextArgument {
  const raw = token.kind === 'string' ? token.text.slice(1, -1) : token.text;
  return {
    kind: 'Text',
    value: token.value,
    raw,
    quoting: token.quoted ? 'double' : 'none',
    span: token.span,
  };
}
