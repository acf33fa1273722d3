// The lookups' public surface: definitions (ESCU YAML, transforms.conf), tables, the store, and applying one to an event.
export * from './apply-lookup.ts';
export * from './escu-lookup-yaml.ts';
export * from './load-lookup-directories.ts';
export * from './lookup-definition.ts';
export * from './lookup-matcher.ts';
export * from './lookup-store.ts';
export * from './lookup-table.ts';
export * from './match-settings.ts';
export * from './transforms-conf.ts';
