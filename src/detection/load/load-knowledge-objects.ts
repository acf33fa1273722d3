// Builds stories, data sources and baselines from their checked files; duplicates are reported.
import { type Diagnostic, error } from '../../core/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import type { Baseline, DataSource, Story } from '../model/content-pack.ts';
import type { BaselineYaml } from '../schema/baseline-schema.ts';
import type { DataSourceYaml } from '../schema/data-source-schema.ts';
import type { StoryYaml } from '../schema/story-schema.ts';
import { keySpan } from '../yaml/locate.ts';
import type { ContentFile } from './read-content-file.ts';

/** Stories before the detections that list them are known. */
export type StoryDraft = Omit<Story, 'detections'>;

export function loadStories(
  files: readonly ContentFile<StoryYaml>[],
  diagnostics: Diagnostic[],
): StoryDraft[] {
  return unique(files, 'story', diagnostics).map(({ file, data }) => ({
    name: data.name,
    id: data.id,
    description: data.description,
    narrative: data.narrative,
    references: data.references ?? [],
    category: data.tags?.category ?? [],
    usecase: data.tags?.usecase,
    file: file.path,
  }));
}

export function loadDataSources(
  files: readonly ContentFile<DataSourceYaml>[],
  diagnostics: Diagnostic[],
): DataSource[] {
  return unique(files, 'data source', diagnostics).map(({ file, data }) => ({
    name: data.name,
    id: data.id,
    source: data.source,
    sourcetype: data.sourcetype,
    fields: data.fields,
    file: file.path,
  }));
}

export function loadBaselines(
  files: readonly ContentFile<BaselineYaml>[],
  diagnostics: Diagnostic[],
): Baseline[] {
  return unique(files, 'baseline', diagnostics).map(({ file, data }) => ({
    name: data.name,
    id: data.id,
    search: data.search,
    file: file.path,
  }));
}

/** Keeps the first file of each name; a later one with the same name is an error, not loaded. */
export function unique<T extends { readonly name: string }>(
  files: readonly ContentFile<T>[],
  what: string,
  diagnostics: Diagnostic[],
): ContentFile<T>[] {
  const seen = new Map<string, string>();
  const kept: ContentFile<T>[] = [];
  for (const contentFile of files) {
    const first = seen.get(contentFile.data.name);
    if (first !== undefined) {
      diagnostics.push(
        error(
          CONTENT_CODES.duplicateName,
          `${what} "${contentFile.data.name}" is defined twice; this one is not loaded`,
          {
            source: contentFile.yaml.source,
            span: keySpan(contentFile.yaml, ['name']),
            notes: [{ message: `first defined in ${first}` }],
          },
        ),
      );
      continue;
    }
    seen.set(contentFile.data.name, contentFile.file.path);
    kept.push(contentFile);
  }
  return kept;
}
