// The SPL lexer's public surface.
export * from './lex-argument.ts';
export * from './lex-expression.ts';
export * from './lex-search.ts';
export * from './lex-token.ts';
export * from './quoted.ts';
export * from './scan.ts';
export * from './split-pipeline.ts';
export type * from './token.ts';
