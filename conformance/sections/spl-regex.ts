// `spl-regex`: every regex in the ESCU detections and the Sysmon add-ons, through the PCRE translator.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compileSplRegex } from '../../src/spl/regex/spl-regex.ts';
import { type ConformanceSection, corpusPath } from '../harness.ts';

interface FoundRegex {
  readonly pattern: string;
  /** `file (how it is used)`, for examples. */
  readonly where: string;
}

function walk(dir: string, accept: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full, accept);
    return accept(full) ? [full] : [];
  });
}

/** SPL double-quoted string: `\"` and `\\` are escapes, any other backslash stays. */
function unquote(body: string): string {
  return body.replace(/\\(["\\])/g, '$1');
}

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const FUNCTION_REGEX = new RegExp(
  `\\b(match|replace|mvfind)\\s*\\(\\s*(?:[^,()"]|"(?:[^"\\\\]|\\\\.)*"|\\([^()]*\\))+,\\s*${QUOTED}`,
  'gi',
);
const REX = new RegExp(
  `\\|\\s*rex\\b((?:\\s+(?:field|max_match|offset_field|mode)\\s*=\\s*(?:"[^"]*"|\\S+))*)\\s+${QUOTED}`,
  'gi',
);
const REGEX_COMMAND = new RegExp(`\\|\\s*regex\\b(?:\\s+[\\w.]+\\s*!?=)?\\s*${QUOTED}`, 'gi');

/** Regexes in one SPL search text: match()/replace()/mvfind() arguments, rex and regex commands. */
export function regexesInSearch(search: string, where: string): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const m of search.matchAll(FUNCTION_REGEX)) {
    found.push({
      pattern: unquote(m[2] as string),
      where: `${where} (${(m[1] as string).toLowerCase()})`,
    });
  }
  for (const m of search.matchAll(REX)) {
    const options = m[1] ?? '';
    const body = unquote(m[2] as string);
    if (/mode\s*=\s*sed/i.test(options)) {
      const sed = /^s(.)(.*?)(?<!\\)\1/.exec(body);
      if (sed) found.push({ pattern: sed[2] as string, where: `${where} (rex mode=sed)` });
      continue;
    }
    found.push({ pattern: body, where: `${where} (rex)` });
  }
  for (const m of search.matchAll(REGEX_COMMAND)) {
    found.push({ pattern: unquote(m[1] as string), where: `${where} (regex)` });
  }
  return found;
}

/** Detection files whose YAML does not parse (skipped here; the content loader reports them). */
const unreadable: string[] = [];

function escuRegexes(): FoundRegex[] {
  const files = walk(corpusPath('escu', 'detections'), (f) => f.endsWith('.yml'));
  const out: FoundRegex[] = [];
  for (const file of files) {
    let doc: { search?: unknown } | null;
    try {
      doc = parseYaml(readFileSync(file, 'utf8')) as { search?: unknown } | null;
    } catch {
      unreadable.push(path.basename(file));
      continue;
    }
    if (typeof doc?.search !== 'string') continue;
    out.push(...regexesInSearch(doc.search, path.basename(file)));
  }
  return out;
}

function sysmonTaRegexes(): FoundRegex[] {
  const files = walk(corpusPath('sysmon_ta'), (f) => f.endsWith('.conf'));
  const out: FoundRegex[] = [];
  for (const file of files) {
    const where = path.relative(corpusPath('sysmon_ta'), file);
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const m = /^\s*(REGEX|EXTRACT-[\w-]+)\s*=\s*(.+?)\s*$/.exec(line);
      if (m)
        out.push({
          pattern: (m[2] as string).replace(/\s+in\s+\w+$/, ''),
          where: `${where} (${m[1]})`,
        });
      else out.push(...regexesInSearch(line, where));
    }
  }
  return out;
}

const section: ConformanceSection = {
  name: 'spl-regex',
  description: 'PCRE regexes of ESCU detections and Sysmon add-ons translated to safe JS regexes',
  async run() {
    const hardFailures: string[] = [];
    const all = [...escuRegexes(), ...sysmonTaRegexes()];
    const reasons = new Map<string, FoundRegex[]>();
    const engines = new Map<string, number>();
    let translated = 0;
    for (const item of all) {
      let result: ReturnType<typeof compileSplRegex>;
      try {
        result = compileSplRegex(item.pattern);
      } catch (error) {
        hardFailures.push(
          `crash on ${JSON.stringify(item.pattern)} in ${item.where}: ${String(error)}`,
        );
        continue;
      }
      if (result.ok) {
        translated++;
        engines.set(result.regex.engine, (engines.get(result.regex.engine) ?? 0) + 1);
        continue;
      }
      const list = reasons.get(result.reason) ?? [];
      list.push(item);
      reasons.set(result.reason, list);
    }
    const distinct = new Set(all.map((r) => r.pattern)).size;
    console.log(`translated ${translated}/${all.length} (${distinct} distinct patterns)`);
    if (unreadable.length > 0) {
      console.log(
        `(${unreadable.length} detection file(s) are not valid YAML and were skipped, e.g. ${unreadable[0]})`,
      );
    }
    console.log(`engines: ${[...engines].map(([e, n]) => `${e} ${n}`).join(', ')}`);
    for (const [reason, items] of [...reasons].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`  ${items.length} × ${reason}`);
      for (const item of items.slice(0, 3))
        console.log(`      ${JSON.stringify(item.pattern)}  — ${item.where}`);
    }
    return { hardFailures };
  },
};

export default section;
