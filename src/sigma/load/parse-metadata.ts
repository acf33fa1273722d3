// Reads the attributes every Sigma document type shares, with pySigma's validations.
import { type AttackTags, parseAttackTags } from '../model/attack-tags.ts';
import { SIGMA_LEVELS, SIGMA_STATUSES, type SigmaLevel, type SigmaStatus } from '../model/rule.ts';
import { entryOf, type YamlMap } from '../yaml/yaml-node.ts';
import {
  isNullScalar,
  type Problems,
  readString,
  readStringList,
  report,
  scalarText,
} from './problems.ts';

export interface CommonMetadata {
  readonly id?: string;
  readonly name?: string;
  readonly title: string;
  readonly status?: SigmaStatus;
  readonly level?: SigmaLevel;
  readonly description?: string;
  readonly author?: string;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly attack: AttackTags;
  readonly falsepositives: readonly string[];
  readonly date?: string;
  readonly modified?: string;
}

/** Python's `uuid.UUID()` accepts hyphens anywhere, braces and a `urn:uuid:` prefix. */
const UUID_TEXT = /^(?:urn:uuid:)?\{?[0-9a-fA-F-]+\}?$/;
const DATE_FORMATS = [
  /^([1-3][0-9][0-9][0-9])-([01][0-9])-([0-3][0-9])$/,
  /^([1-3][0-9][0-9][0-9])\/([01]?[0-9])\/([0-3]?[0-9])$/,
];

function isUuid(text: string): boolean {
  if (!UUID_TEXT.test(text)) return false;
  const hex = text.replace(/^urn:uuid:/, '').replace(/[{}-]/g, '');
  return hex.length === 32;
}

export function readCommonMetadata(problems: Problems, map: YamlMap): CommonMetadata {
  const title = readString(problems, map, 'title', { required: true }) ?? '';
  const titleEntry = entryOf(map, 'title');
  if (title.length > 256 && titleEntry) {
    report(
      problems,
      'badAttribute',
      'the title must not exceed 256 characters',
      titleEntry.value.span,
    );
  }
  const idEntry = entryOf(map, 'id');
  let id: string | undefined;
  if (idEntry !== undefined && !isNullScalar(idEntry.value)) {
    const text = scalarText(idEntry.value);
    if (text === undefined || !isUuid(text)) {
      report(problems, 'badAttribute', 'the rule identifier must be a UUID', idEntry.value.span);
    } else id = text;
  }
  const name = readString(problems, map, 'name');
  const nameEntry = entryOf(map, 'name');
  if (name === '' && nameEntry) {
    report(problems, 'badAttribute', 'the rule name must not be empty', nameEntry.value.span);
  }
  const tags = readStringList(problems, map, 'tags');
  const tagsEntry = entryOf(map, 'tags');
  for (const tag of tags) {
    if (!tag.includes('.') && tagsEntry) {
      report(
        problems,
        'badAttribute',
        `tag "${tag}" has no namespace (namespace.name)`,
        tagsEntry.value.span,
      );
    }
  }
  const taxonomy = entryOf(map, 'taxonomy');
  if (taxonomy && !isNullScalar(taxonomy.value)) {
    const text = readString(problems, map, 'taxonomy');
    if (text === '')
      report(problems, 'badAttribute', 'the taxonomy must not be empty', taxonomy.value.span);
  }
  for (const key of ['related', 'scope'] as const) {
    const entry = entryOf(map, key);
    if (entry && !isNullScalar(entry.value) && entry.value.kind !== 'seq') {
      report(problems, 'badAttribute', `"${key}" must be a list`, entry.value.span);
    }
  }
  const metadata: {
    -readonly [K in keyof CommonMetadata]: CommonMetadata[K];
  } = {
    title,
    references: readStringList(problems, map, 'references'),
    tags,
    attack: parseAttackTags(tags),
    falsepositives: readStringList(problems, map, 'falsepositives'),
  };
  if (id !== undefined) metadata.id = id;
  if (name !== undefined && name !== '') metadata.name = name;
  const status = readEnum(problems, map, 'status', SIGMA_STATUSES);
  if (status !== undefined) metadata.status = status;
  const level = readEnum(problems, map, 'level', SIGMA_LEVELS);
  if (level !== undefined) metadata.level = level;
  const description = readString(problems, map, 'description');
  if (description !== undefined) metadata.description = description;
  const author = readString(problems, map, 'author');
  if (author !== undefined) metadata.author = author;
  const date = readDate(problems, map, 'date');
  if (date !== undefined) metadata.date = date;
  const modified = readDate(problems, map, 'modified');
  if (modified !== undefined) metadata.modified = modified;
  return metadata;
}

function readEnum<T extends string>(
  problems: Problems,
  map: YamlMap,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const text = readString(problems, map, key);
  if (text === undefined) return undefined;
  const lower = text.toLowerCase() as T;
  if (allowed.includes(lower)) return lower;
  const entry = entryOf(map, key);
  report(
    problems,
    'badEnum',
    `"${text}" is not a valid ${key} (${allowed.join(', ')})`,
    entry?.value.span ?? map.span,
  );
  return undefined;
}

function readDate(problems: Problems, map: YamlMap, key: string): string | undefined {
  const entry = entryOf(map, key);
  if (entry === undefined || isNullScalar(entry.value)) return undefined;
  const node = entry.value;
  if (node.kind === 'scalar' && typeof node.value === 'object' && node.value !== null) {
    return node.value.timestamp;
  }
  const text = scalarText(node);
  if (text !== undefined && DATE_FORMATS.some((f) => f.test(text))) return text;
  report(
    problems,
    'badAttribute',
    `rule ${key} "${text ?? ''}" is invalid, use yyyy-mm-dd`,
    node.span,
  );
  return undefined;
}
