// Assembles one SPL query from a converted condition, as pySigma's Splunk backend finishes it.
import { finalizeDeferred, type SplConditionConverter } from './spl-condition.ts';

/** Leading `field=value` terms (pySigma `_field_eq_val_re`). */
const LEADING_TERM = /^([\w.]+)(?:="[^"]*"|=[^\s")]+)\s*/u;

/**
 * `finish_query` + `finalize_query_default`: OR-ed regexes' `rex`/`eval` commands go first and
 * the search follows as `| search`, with leading terms that do not need them moved in front;
 * deferred `| regex` / `| where` filters go last. `deferredOnly`: nothing stayed in the search.
 */
export function finishQuery(main: string | undefined, converter: SplConditionConverter): string {
  let query = main ?? '*';
  if (converter.regexCommands.length > 0) {
    query = `\n| ${converter.regexCommands.join('\n| ')}\n| search ${query}`;
  }
  const deferred = converter.deferred
    .map(finalizeDeferred)
    .filter((d): d is string => d !== undefined);
  if (deferred.length > 0) query = `${query}\n| ${deferred.join('\n| ')}`;
  if (converter.regexCommands.length > 0)
    query = moveLeadingTerms(query, converter.regexConditionFields);
  return query;
}

function moveLeadingTerms(query: string, conditionFields: ReadonlySet<string>): string {
  const marker = '\n| search ';
  const at = query.indexOf(marker);
  if (at < 0) return query;
  const commands = query.slice(0, at);
  const search = query.slice(at + marker.length);
  const prefix: string[] = [];
  let position = 0;
  for (;;) {
    const m = LEADING_TERM.exec(search.slice(position));
    if (!m || conditionFields.has(m[1] ?? '')) break;
    // A term followed by OR belongs to that OR (SPL: OR binds tighter than the implicit AND);
    // pySigma moves it anyway, which changes the search, so it stays here.
    if (search.startsWith('OR ', position + m[0].length)) break;
    prefix.push(m[0].trim());
    position += m[0].length;
  }
  if (prefix.length === 0) return query;
  return `${prefix.join(' ')}${commands}${marker}${search.slice(position)}`;
}
