// Converted rules as a savedsearches.conf Splunk loads (the stanza layout pySigma's Splunk backend
// writes with `-f savedsearches`): a [default] stanza with the dispatch window, then one stanza
// per query named by the rule's title, with its description and search.
import type { SplDocument } from './convert-to-spl.ts';

export interface SavedSearchesOptions {
  /** `dispatch.earliest_time` of the [default] stanza (pySigma's default: -30d). */
  readonly earliest?: string;
  readonly latest?: string;
}

/**
 * Stanza names are the titles without `[` and `]` (a `]` would end the name), made unique with
 * ` (2)`, ` (3)`... (Splunk merges stanzas of one name). A multi-line value continues with ` \`
 * at each line's end, as .conf files do; a line that itself ends in `\` gets a space after it so
 * it is not read as a continuation.
 */
export function savedSearchesConf(
  documents: readonly SplDocument[],
  options: SavedSearchesOptions = {},
): string {
  const out = [
    '[default]',
    `dispatch.earliest_time = ${options.earliest ?? '-30d'}`,
    `dispatch.latest_time = ${options.latest ?? 'now'}`,
  ];
  const used = new Set<string>();
  for (const { document, queries } of documents) {
    for (const query of queries) {
      const base = document.title.replace(/[[\]\r\n]/g, '').trim() || (document.id ?? 'rule');
      let name = base;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
      used.add(name.toLowerCase());
      out.push(
        '',
        `[${name}]`,
        `description = ${confValue(document.description?.trim() ?? '')}`,
        `search = ${confValue(query)}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

function confValue(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.endsWith('\\') ? `${line} ` : line))
    .join(' \\\n');
}
