// The SPL lexer's public surface.
export * from './lex-token.ts';
export * from './quoted.ts';
export * from './split-pipeline.ts';
export type * from './token.ts';
