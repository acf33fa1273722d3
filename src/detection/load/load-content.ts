// The content loader: ESCU content directories → ContentPack, every problem collected.
import path from 'node:path';
import type { Diagnostic } from '../../core/index.ts';
import type { DataModelProvider } from '../../spl/index.ts';
import { type AttackCatalog, builtinAttackCatalog } from '../attack/attack-catalog.ts';
import {
  CONTENT_KINDS,
  type ContentKind,
  type ContentPack,
  type FileCount,
} from '../model/content-pack.ts';
import { baselineSchema } from '../schema/baseline-schema.ts';
import { dataSourceSchema } from '../schema/data-source-schema.ts';
import { detectionSchema } from '../schema/detection-schema.ts';
import { storySchema } from '../schema/story-schema.ts';
import { checkSearches } from './check-searches.ts';
import { type DiscoveredFile, discoverFiles } from './discover-files.ts';
import { discoverLibraryFiles, type LibraryFile } from './library-files.ts';
import { loadDetections } from './load-detections.ts';
import { loadBaselines, loadDataSources, loadStories } from './load-knowledge-objects.ts';
import { loadLookups } from './load-lookups.ts';
import { loadMacros } from './load-macros.ts';
import { csvFilesOf } from './lookup-files.ts';
import { readContentFile } from './read-content-file.ts';

export interface LoadContentOptions {
  /** Macro files or directories after the content's own (`--macros`): ESCU YAML, macros.conf. */
  readonly macros?: readonly string[];
  /** Lookup directories after the content's own (`--lookups`): ESCU YAML, transforms.conf, CSV. */
  readonly lookups?: readonly string[];
  /** ATT&CK names and tactics; defaults to the built-in table of the techniques the pack uses. */
  readonly attack?: AttackCatalog;
  /** The data models tstats searches read; without them those detections are disabled as unsupported. */
  readonly dataModels?: DataModelProvider;
}

/**
 * Stages: discover the files of each kind → read, parse and schema-check every file → build
 * macros, lookups, stories, data sources and baselines → normalise the detections (and check
 * their references) → compile every search to decide which detections are enabled.
 */
export function loadContent(
  roots: readonly string[],
  options: LoadContentOptions = {},
): ContentPack {
  const diagnostics: Diagnostic[] = [];
  const discovered = discoverFiles(roots);
  diagnostics.push(...discovered.diagnostics);

  const counts = Object.fromEntries(
    CONTENT_KINDS.map((k) => [k, { loaded: 0, failed: 0 }]),
  ) as Record<ContentKind, { loaded: number; failed: number }>;
  // A generator: detection files are read one at a time and normalised as they come, so the
  // parsed YAML of a large corpus is never held all at once.
  function* read<S extends Parameters<typeof readContentFile>[1]>(kind: ContentKind, schema: S) {
    for (const file of discovered.files) {
      if (file.kind !== kind) continue;
      const contentFile = readContentFile(file, schema, diagnostics);
      counts[kind][contentFile ? 'loaded' : 'failed']++;
      if (contentFile) yield contentFile;
    }
  }
  // The content's macros/ and lookups/, then the library's files: one loader for both.
  const library = discoverLibraryFiles(options.macros ?? [], options.lookups ?? [], diagnostics);
  const ofKind = (kind: ContentKind): LibraryFile[] =>
    discovered.files.filter((f) => f.kind === kind).map((file) => ({ format: 'yaml', file }));
  const storyFiles = [...read('story', storySchema)];
  const dataSourceFiles = [...read('data_source', dataSourceSchema)];
  const baselineFiles = [...read('baseline', baselineSchema)];
  const detectionFiles = read('detection', detectionSchema);

  const macros = loadMacros([...ofKind('macro'), ...library.macros], diagnostics, counts.macro);
  const lookups = loadLookups(
    [...ofKind('lookup'), ...library.lookups],
    new Map([...csvFilesOf(roots), ...library.csvFiles]),
    diagnostics,
    counts.lookup,
  );
  const stories = loadStories(storyFiles, diagnostics);
  const dataSources = loadDataSources(dataSourceFiles, diagnostics);
  const baselines = loadBaselines(baselineFiles, diagnostics);

  const drafts = loadDetections(
    detectionFiles,
    {
      attack: options.attack ?? builtinAttackCatalog(),
      stories: hasKind(discovered.files, 'story') ? stories : undefined,
      dataSources: hasKind(discovered.files, 'data_source') ? dataSources : undefined,
    },
    diagnostics,
  );
  const dataModels = options.dataModels ? { dataModels: options.dataModels } : {};
  const { detections, plans } = checkSearches(
    drafts,
    { macros, lookups, ...dataModels },
    diagnostics,
  );
  // A detection file that parsed but could not be normalised (mixed shapes, a duplicate id) failed too.
  counts.detection = {
    loaded: drafts.length,
    failed: counts.detection.loaded + counts.detection.failed - drafts.length,
  };

  return {
    roots: roots.map((root) => path.normalize(root)),
    detections,
    plans,
    macros,
    lookups,
    ...dataModels,
    stories: stories.map((story) => ({
      ...story,
      detections: detections
        .filter((d) => d.analyticStories.includes(story.name))
        .map((d) => d.name),
    })),
    dataSources,
    baselines,
    files: counts as Record<ContentKind, FileCount>,
    diagnostics: sortByFile(diagnostics),
  };
}

function hasKind(files: readonly DiscoveredFile[], kind: ContentKind): boolean {
  return files.some((f) => f.kind === kind);
}

/** Problems grouped by the file they are in (stable: within a file, in the order found). */
function sortByFile(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const fileOf = (d: Diagnostic) => d.source?.name ?? d.location ?? '';
  return diagnostics
    .map((d, i) => ({ d, i, file: fileOf(d) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.i - b.i))
    .map((x) => x.d);
}
