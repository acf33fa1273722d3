// The server layer's public API: what the CLI calls (`serve`, `ingest`, `search --server/--data`).
export { type ExportLine, ServerRequestError, SpelunkClient } from './client/rest-client.ts';
export type { ServerConfig } from './config/config-schema.ts';
export type { DetectConfig } from './config/detect-config-schema.ts';
export { type LoadedConfig, loadServerConfig } from './config/load-config.ts';
export { type DetectClock, fileClock, ManualClock, systemClock } from './detect/detect-clock.ts';
export type { DetectEventQuery, RunHistoryEntry } from './detect/detect-queries.ts';
export {
  DetectService,
  type DetectStatus,
  type SavedSearchStatus,
  UnknownSavedSearchError,
} from './detect/detect-service.ts';
export { IndexRegistry } from './indexes.ts';
export {
  type FileIngestReport,
  type FileOutcome,
  type IngestProgress,
  type IngestTarget,
  ingestFiles,
} from './ingest/file-ingest.ts';
export { runIndexSearch } from './search/index-search.ts';
export {
  type IndexSearchRequest,
  type MessageType,
  SearchCompileError,
  type SearchOutput,
} from './search/search-context.ts';
export { openSearchWorkspace, type SearchWorkspaceOptions } from './search/search-workspace.ts';
export { hashPassword } from './security/passwords.ts';
export {
  DEFAULT_DATA_DIR,
  type RunningServer,
  ServeError,
  type ServeOptions,
  startServer,
} from './serve.ts';
export { openDuckDbStore, StoreLockedError } from './store/duckdb-store.ts';
export type { EventStore } from './store/event-store.ts';
export { UI_ASSETS_DIR, UiAssetsMissingError } from './ui/ui-assets.ts';
