// Normalises the checked detection files and reports duplicates and dangling references.
import { existsSync } from 'node:fs';
import { type Diagnostic, error, warning } from '../../core/index.ts';
import type { AttackCatalog } from '../attack/attack-catalog.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import type { DataSource } from '../model/content-pack.ts';
import { type DetectionDraft, normalizeDetection } from '../normalize/normalize-detection.ts';
import type { DetectionYaml } from '../schema/detection-schema.ts';
import { valueSpan } from '../yaml/locate.ts';
import type { StoryDraft } from './load-knowledge-objects.ts';
import type { ContentFile } from './read-content-file.ts';

export interface DetectionReferences {
  readonly attack: AttackCatalog;
  /** Undefined when no content directory has a stories/ folder: nothing to check against. */
  readonly stories: readonly StoryDraft[] | undefined;
  readonly dataSources: readonly DataSource[] | undefined;
}

export function loadDetections(
  files: Iterable<ContentFile<DetectionYaml>>,
  references: DetectionReferences,
  diagnostics: Diagnostic[],
): DetectionDraft[] {
  const drafts: DetectionDraft[] = [];
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  const storyNames = references.stories && new Set(references.stories.map((s) => s.name));
  const dataSourceNames =
    references.dataSources && new Set(references.dataSources.map((s) => s.name));
  for (const { file, yaml, data } of files) {
    const firstWithId = byId.get(data.id.toLowerCase());
    const firstWithName = byName.get(data.name);
    if (firstWithId !== undefined || firstWithName !== undefined) {
      const [code, field, first] =
        firstWithId !== undefined
          ? [CONTENT_CODES.duplicateId, 'id', firstWithId]
          : [CONTENT_CODES.duplicateName, 'name', firstWithName];
      diagnostics.push(
        error(code, `another detection has this ${field}; this one is not loaded`, {
          source: yaml.source,
          span: valueSpan(yaml, [field]),
          notes: [{ message: `first used by ${first}` }],
        }),
      );
      continue;
    }
    const normalized = normalizeDetection(data, {
      yaml,
      contentDir: file.root,
      attack: references.attack,
      fileExists: existsSync,
    });
    diagnostics.push(...normalized.diagnostics);
    if (!normalized.draft) continue;
    byId.set(data.id.toLowerCase(), file.path);
    byName.set(data.name, file.path);
    const inTags = data.tags?.analytic_story !== undefined;
    normalized.draft.analyticStories.forEach((story, i) => {
      if (storyNames && !storyNames.has(story)) {
        diagnostics.push(
          warning(
            CONTENT_CODES.unknownStory,
            `analytic story "${story}" is not defined in any stories/ folder`,
            {
              source: yaml.source,
              span: valueSpan(yaml, inTags ? ['tags', 'analytic_story', i] : ['analytic_story', i]),
            },
          ),
        );
      }
    });
    normalized.draft.dataSources.forEach((name, i) => {
      if (dataSourceNames && !dataSourceNames.has(name)) {
        diagnostics.push(
          warning(
            CONTENT_CODES.unknownDataSource,
            `data source "${name}" is not defined in any data_sources/ folder`,
            {
              source: yaml.source,
              span: valueSpan(yaml, ['data_source', i]),
            },
          ),
        );
      }
    });
    drafts.push(normalized.draft);
  }
  return drafts;
}
