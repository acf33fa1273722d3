// The macro stage's public surface.
export * from './builtin-macros.ts';
export * from './expand-macros.ts';
export * from './lenient-yaml.ts';
export * from './load-escu-macros.ts';
export * from './load-macros.ts';
export * from './load-macros-conf.ts';
export * from './macro.ts';
export * from './macro-call.ts';
export * from './source-map.ts';
