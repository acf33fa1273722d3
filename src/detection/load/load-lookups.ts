// Checks lookups/*.yml definitions and their CSV files, reads transforms.conf lookup stanzas, and
// hands them to the SPL lookup store.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error, warning } from '../../core/index.ts';
import {
  createLookupStore,
  type LookupBacking,
  type LookupDefinition,
  type LookupStore,
  parseMatchSettings,
  readLookupCsv,
  readTransformsConf,
} from '../../spl/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';
import { type LookupYaml, lookupSchema } from '../schema/lookup-schema.ts';
import { keySpan, valueSpan } from '../yaml/locate.ts';
import { type LibraryFile, readConfFile } from './library-files.ts';
import { type ContentFile, readContentFile } from './read-content-file.ts';

/** One definition with the directory it came from and where to point at it. */
interface Defined {
  readonly definition: LookupDefinition;
  readonly root: string;
  readonly at: Pick<Diagnostic, 'source' | 'span' | 'location'>;
}

/**
 * ESCU `lookups/*.yml` definitions (schema-checked, their CSV read) and transforms.conf lookup
 * stanzas, in the order given. Every CSV beside them is registered by file name too (`| lookup
 * users.csv`); a definition met again in a later directory replaces the earlier one, with a
 * warning.
 */
export function loadLookups(
  files: readonly LibraryFile[],
  csvFiles: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
  counts: { loaded: number; failed: number },
): LookupStore {
  const definitions = new Map<string, Defined>();
  for (const defined of files.flatMap((f) => definitionsOf(f, csvFiles, diagnostics, counts))) {
    const previous = definitions.get(defined.definition.name);
    if (previous !== undefined && previous.root !== defined.root) {
      diagnostics.push(
        warning(
          CONTENT_CODES.lookupRedefined,
          `lookup "${defined.definition.name}" is defined again; this definition replaces the earlier one`,
          {
            ...defined.at,
            notes: [{ message: `defined before at ${previous.definition.origin}` }],
          },
        ),
      );
    }
    definitions.set(defined.definition.name, defined);
  }
  return createLookupStore({
    definitions: [...definitions.values()].map((d) => d.definition),
    files: csvFiles,
  });
}

function definitionsOf(
  file: LibraryFile,
  csvFiles: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
  counts: { loaded: number; failed: number },
): Defined[] {
  if (file.format === 'conf') {
    const read = readConfFile(
      file.path,
      (text) => readTransformsConf(text, file.path),
      diagnostics,
      counts,
    );
    return (read?.definitions ?? []).map((definition) => ({
      definition,
      root: file.root,
      at: { location: definition.origin },
    }));
  }
  const content = readContentFile(file.file, lookupSchema, diagnostics);
  counts[content ? 'loaded' : 'failed']++;
  if (content === undefined) return [];
  const definition = lookupDefinition(content, csvFiles, diagnostics);
  if (definition === undefined) return [];
  return [
    {
      definition,
      root: file.file.root,
      at: { source: content.yaml.source, span: keySpan(content.yaml, ['name']) },
    },
  ];
}

function lookupDefinition(
  { file, yaml, data }: ContentFile<LookupYaml>,
  csvFiles: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
): LookupDefinition | undefined {
  const located = (fieldPath: readonly PropertyKey[]) => ({
    source: yaml.source,
    span: valueSpan(yaml, fieldPath),
  });
  const settings = parseMatchSettings({
    match_type: data.match_type,
    case_sensitive_match:
      data.case_sensitive_match === undefined ? undefined : String(data.case_sensitive_match),
    max_matches: data.max_matches === undefined ? undefined : String(data.max_matches),
    min_matches: data.min_matches === undefined ? undefined : String(data.min_matches),
    default_match: data.default_match,
  });
  if (Array.isArray(settings)) {
    for (const problem of settings) {
      // The SPL lookup module names the setting first ("max_matches = ...", "match_type item ...").
      const field = problem.split(/[ =]/)[0] ?? 'match_type';
      diagnostics.push(error(CONTENT_CODES.invalidValue, problem, located([field])));
    }
    return undefined;
  }
  let backing: LookupBacking;
  if (data.filename !== undefined) {
    const lower = data.filename.toLowerCase();
    if (lower.endsWith('.mlmodel')) {
      diagnostics.push(
        warning(
          CONTENT_CODES.lookupUnavailable,
          `lookup "${data.name}" is an MLTK model (${data.filename}); searches that use it cannot run`,
          located(['filename']),
        ),
      );
      backing = {
        kind: 'unsupported',
        what: `an MLTK model (${data.filename}), which needs the Splunk Machine Learning Toolkit`,
      };
    } else {
      const csvPath = path.join(path.dirname(file.path), data.filename);
      if (!csvFiles.has(data.filename)) {
        diagnostics.push(
          error(
            CONTENT_CODES.lookupFileMissing,
            `lookup file ${csvPath} does not exist`,
            located(['filename']),
          ),
        );
        return undefined;
      }
      if (!checkCsv(csvFiles.get(data.filename) ?? csvPath, data, yaml, diagnostics))
        return undefined;
      backing = { kind: 'file', filename: data.filename };
    }
  } else if (data.collection !== undefined) {
    const fields = (data.fields_list ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    backing = { kind: 'collection', collection: data.collection, fields };
  } else {
    diagnostics.push(
      error(
        CONTENT_CODES.missingField,
        `lookup "${data.name}" has neither \`filename\` nor \`collection\``,
        {
          source: yaml.source,
          span: keySpan(yaml, ['name']),
        },
      ),
    );
    return undefined;
  }
  return { name: data.name, backing, ...settings, origin: file.path };
}

/**
 * The CSV must read. A `match_type` column missing from its header is reported as a warning:
 * Splunk ignores a match rule for a field the table does not have.
 */
function checkCsv(
  csvPath: string,
  data: LookupYaml,
  yaml: ContentFile<LookupYaml>['yaml'],
  diagnostics: Diagnostic[],
): boolean {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(csvPath);
  } catch (cause) {
    diagnostics.push(
      error(
        CONTENT_CODES.lookupFileInvalid,
        `cannot read lookup file: ${(cause as Error).message}`,
        { location: csvPath },
      ),
    );
    return false;
  }
  const read = readLookupCsv(bytes, csvPath);
  if (!read.ok) {
    for (const problem of read.diagnostics) {
      diagnostics.push(
        error(
          CONTENT_CODES.lookupFileInvalid,
          problem.message,
          problem.location === undefined ? { location: csvPath } : { location: problem.location },
        ),
      );
    }
    return false;
  }
  const table = read.value;
  const settings = parseMatchSettings({ match_type: data.match_type });
  if (Array.isArray(settings)) return false;
  const missing = [...settings.matchTypes.keys()].filter(
    (column) => !table.columns.includes(column),
  );
  for (const column of missing) {
    diagnostics.push(
      warning(
        CONTENT_CODES.lookupColumnMissing,
        `match_type names column "${column}", which ${path.basename(csvPath)} does not have (columns: ${table.columns.join(', ')})`,
        {
          source: yaml.source,
          span: valueSpan(yaml, ['match_type']),
        },
      ),
    );
  }
  return true;
}
